package kz.hearingstate.routing.directory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import kz.hearingstate.events.Settlement;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned directory file shipped with the service ({@code departments/zhambyl-v1.json}): the
 * jurisdiction, the file's version, the canonical settlement list and the departments.
 */
public record DirectoryFile(String jurisdiction, int version, String note, List<Settlement> settlements,
        List<DepartmentRequest> departments) {

    public static DirectoryFile read(Resource resource, JsonMapper mapper) {
        try (InputStream in = resource.getInputStream()) {
            return mapper.readValue(in, DirectoryFile.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the department directory " + resource, e);
        }
    }
}
