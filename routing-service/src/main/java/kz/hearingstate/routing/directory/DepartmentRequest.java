package kz.hearingstate.routing.directory;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.hearingstate.events.Language;

/**
 * What an admin sends to create or replace a department. The code comes from the path on update; flags default to
 * false, but a confidential department stays confidential (left out, the flag keeps its value). {@code address} is
 * shown to every reader; {@code addresses}, optional, is the same address written for a reader of kk, ru or en.
 */
public record DepartmentRequest(
        @Pattern(regexp = DepartmentRequest.CODE_PATTERN, message = "lower-case letters, digits and hyphens, 2 to 40") String code,
        @NotNull @Size(min = 3, max = 3, message = "names in kk, ru and en") Map<Language, @NotBlank @Size(max = 200) String> names,
        @NotBlank @Size(max = 60) String phone,
        @NotBlank @Email @Size(max = 120) String email,
        @NotBlank @Size(max = 300) String address,
        Map<Language, @NotBlank @Size(max = 300) String> addresses,
        @NotEmpty List<@NotBlank @Size(max = 60) String> categories,
        List<@NotBlank @Size(max = 80) String> settlements,
        Boolean internal,
        Boolean confidential) {

    public static final String CODE_PATTERN = "[a-z][a-z0-9-]{1,39}";

    public boolean isInternal() {
        return Boolean.TRUE.equals(internal);
    }

    public boolean isConfidential() {
        return Boolean.TRUE.equals(confidential);
    }
}
