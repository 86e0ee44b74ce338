package kz.hearingstate.routing.directory;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import kz.hearingstate.events.Language;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The public directory, and the admin's edits of it (admin only: appeal-web's API chain checks the key first). */
@RestController
public class DepartmentController {

    private final DirectoryService directory;

    public DepartmentController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/departments")
    public List<DepartmentView> list() {
        return directory.active().stream().map(DepartmentView::of).toList();
    }

    @GetMapping("/api/v1/departments/{code}")
    public DepartmentView get(@PathVariable String code) {
        return directory.find(code).map(DepartmentView::of)
                .orElseThrow(() -> new DirectoryService.DepartmentNotFoundException(code));
    }

    @PostMapping("/api/v1/admin/departments")
    public ResponseEntity<DepartmentView> create(@AuthenticationPrincipal ApiPrincipal admin,
            @Valid @RequestBody DepartmentRequest request) {
        if (request.code() == null) {
            throw ApiException.invalid("code", "required");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(DepartmentView.of(directory.create(request, admin.actor())));
    }

    @PutMapping("/api/v1/admin/departments/{code}")
    public DepartmentView update(@AuthenticationPrincipal ApiPrincipal admin,
            @PathVariable String code, @Valid @RequestBody DepartmentRequest request) {
        return DepartmentView.of(directory.update(code, request, admin.actor()));
    }

    @DeleteMapping("/api/v1/admin/departments/{code}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal ApiPrincipal admin, @PathVariable String code) {
        directory.delete(code, admin.actor());
        return ResponseEntity.noContent().build();
    }

    /** The public record of a department: only contacts meant to be shown. */
    public record DepartmentView(String code, long version, Map<Language, String> names, String phone, String email,
            String address, Map<Language, String> addresses, List<String> categories, List<String> settlements, boolean internal,
            boolean confidential) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.version(), d.names(), d.phone(), d.email(), d.address(), d.addresses(),
                    d.categories(), d.settlements(), d.internal(), d.confidential());
        }
    }
}
