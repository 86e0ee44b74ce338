package kz.hearingstate.analytics.web;

import java.util.List;
import java.util.Map;

import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.directory.DepartmentEntry;
import kz.hearingstate.analytics.directory.SettlementList;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public directory: departments' names and public contacts, from analytics' copy of the directory. */
@RestController
class PublicDirectoryController {

    private final DepartmentDirectory directory;

    PublicDirectoryController(DepartmentDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/public/departments")
    List<PublicDepartment> departments() {
        return directory.publicDepartments().stream().map(PublicDepartment::of).toList();
    }

    /** The directory's settlements by code, named in kk, ru and en; "other" is every place not on the list. */
    @GetMapping("/api/v1/public/settlements")
    List<SettlementList.Entry> settlements() {
        return directory.settlements();
    }

    record PublicDepartment(String code, Map<String, String> names, String phone, String email, String address,
            Map<String, String> addresses, List<String> categories, List<String> settlements) {

        static PublicDepartment of(DepartmentEntry entry) {
            return new PublicDepartment(entry.code(), entry.names(), entry.phone(), entry.email(), entry.address(),
                    entry.addresses(),
                    entry.categories() == null ? List.of() : entry.categories(),
                    entry.settlements() == null ? List.of() : entry.settlements());
        }
    }
}
