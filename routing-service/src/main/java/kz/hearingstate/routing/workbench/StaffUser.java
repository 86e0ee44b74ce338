package kz.hearingstate.routing.workbench;

import java.util.ArrayList;
import java.util.List;

import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.web.security.ApiPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in workbench user, read from the authorities of either login (form or OIDC): {@code ROLE_<role>}
 * and, for department staff, {@code DEPARTMENT_<code>}.
 */
public record StaffUser(String username, StaffRole role, String department) {

    static final String DEPARTMENT_PREFIX = "DEPARTMENT_";

    public static StaffUser of(Authentication authentication) {
        StaffRole role = null;
        String department = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name == null) {
                continue;
            }
            if (name.startsWith(DEPARTMENT_PREFIX)) {
                department = name.substring(DEPARTMENT_PREFIX.length());
            } else if (name.startsWith("ROLE_")) {
                for (StaffRole candidate : StaffRole.values()) {
                    if (candidate.authority().equals(name)) {
                        role = candidate;
                    }
                }
            }
        }
        if (role == null) {
            throw new IllegalStateException("A workbench user without a workbench role");
        }
        return new StaffUser(authentication.getName(), role, workingDepartment(role, department));
    }

    /** The authorities a user of this role (and department) gets. */
    public static List<GrantedAuthority> authorities(StaffRole role, String department) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (role.departmental() && department != null && !department.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(DEPARTMENT_PREFIX + department));
        }
        return authorities;
    }

    /** The department whose appeals the role handles: its own, the officer's, or the triage desk's. */
    private static String workingDepartment(StaffRole role, String department) {
        return switch (role) {
            case SPECIALIST, HEAD -> department;
            case ANTI_CORRUPTION -> Department.ANTI_CORRUPTION;
            case TRIAGE -> Department.AKIM_OFFICE;
            case AKIM_OFFICE, ADMIN -> null;
        };
    }

    /** Has a department inbox (department staff and the anti-corruption officer). */
    public boolean hasInbox() {
        return role.departmental() || role == StaffRole.ANTI_CORRUPTION;
    }

    /** Whom the workflow sees acting (the department, or the admin); the person is named beside it. */
    public ApiPrincipal principal() {
        return switch (role) {
            case ADMIN -> ApiPrincipal.admin();
            case AKIM_OFFICE -> throw new IllegalStateException("The akim's office reads only");
            default -> ApiPrincipal.department(department);
        };
    }

    public boolean is(StaffRole... roles) {
        for (StaffRole candidate : roles) {
            if (candidate == role) {
                return true;
            }
        }
        return false;
    }
}
