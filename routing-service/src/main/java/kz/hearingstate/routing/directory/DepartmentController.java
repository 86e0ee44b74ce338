package kz.hearingstate.routing.directory;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import kz.hearingstate.events.Language;
import kz.hearingstate.routing.access.ApiKeys;
import kz.hearingstate.routing.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The public directory, and the admin's edits of it. */
@RestController
public class DepartmentController {

    private final DirectoryService directory;
    private final ApiKeys apiKeys;

    public DepartmentController(DirectoryService directory, ApiKeys apiKeys) {
        this.directory = directory;
        this.apiKeys = apiKeys;
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
    public ResponseEntity<DepartmentView> create(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @Valid @RequestBody DepartmentRequest request) {
        Caller admin = apiKeys.requireAdmin(apiKey);
        if (request.code() == null) {
            throw new MissingCodeException();
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(DepartmentView.of(directory.create(request, admin.actor())));
    }

    @PutMapping("/api/v1/admin/departments/{code}")
    public DepartmentView update(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @PathVariable String code, @Valid @RequestBody DepartmentRequest request) {
        Caller admin = apiKeys.requireAdmin(apiKey);
        return DepartmentView.of(directory.update(code, request, admin.actor()));
    }

    @DeleteMapping("/api/v1/admin/departments/{code}")
    public ResponseEntity<Void> delete(@RequestHeader(value = ApiKeys.HEADER, required = false) String apiKey,
            @PathVariable String code) {
        Caller admin = apiKeys.requireAdmin(apiKey);
        directory.delete(code, admin.actor());
        return ResponseEntity.noContent().build();
    }

    /** The public record of a department: only contacts meant to be shown. */
    public record DepartmentView(String code, long version, Map<Language, String> names, String phone, String email,
            String address, List<String> categories, List<String> settlements, boolean internal, boolean confidential) {

        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.version(), d.names(), d.phone(), d.email(), d.address(),
                    d.categories(), d.settlements(), d.internal(), d.confidential());
        }
    }

    /** 400: creating a department needs its code. */
    public static class MissingCodeException extends RuntimeException {
        public MissingCodeException() {
            super("code is required.");
        }
    }
}
