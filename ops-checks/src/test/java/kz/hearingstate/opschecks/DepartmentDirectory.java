package kz.hearingstate.opschecks;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/** Routing's department directory file: the one source of the department list every other copy must match. */
final class DepartmentDirectory {

    static final String PATH = "routing-service/src/main/resources/departments/zhambyl-v1.json";

    private DepartmentDirectory() {
    }

    /** The department codes, in the file's order. */
    static List<String> codes() {
        return JsonMapper.builder().build().readTree(Repository.read(PATH)).get("departments").valueStream()
                .map(department -> department.get("code").asString()).toList();
    }
}
