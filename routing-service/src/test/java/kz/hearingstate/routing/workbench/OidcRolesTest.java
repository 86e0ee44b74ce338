package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

/** How a government SSO's claims become a workbench role (WorkbenchSecurity.authorities). */
class OidcRolesTest {

    private static final WorkbenchProperties.Oidc OIDC = new WorkbenchProperties.Oidc("hearing_roles", "hearing_department");

    private static List<String> authorities(Map<String, Object> claims) {
        return WorkbenchSecurity.authorities(claims, OIDC).stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void givenARoleListAndADepartment_whenMapped_thenTheUserIsThatDepartmentsHead() {
        assertThat(authorities(Map.of("hearing_roles", List.of("offline_access", "HEAD"), "hearing_department", "education")))
                .containsExactly("ROLE_HEAD", "DEPARTMENT_education");
    }

    @Test
    void givenRolesAsOneString_whenMapped_thenTheWorkbenchRoleIsFound() {
        assertThat(authorities(Map.of("hearing_roles", "staff, akim_office"))).containsExactly("ROLE_AKIM_OFFICE");
    }

    @Test
    void givenADepartmentRoleWithoutADepartment_whenMapped_thenNoRoleIsGranted() {
        assertThat(authorities(Map.of("hearing_roles", List.of("SPECIALIST")))).isEmpty();
    }

    @Test
    void givenNoWorkbenchRole_whenMapped_thenNoRoleIsGranted() {
        assertThat(authorities(Map.of("hearing_roles", List.of("viewer"), "hearing_department", "education"))).isEmpty();
        assertThat(authorities(Map.of("sub", "someone"))).isEmpty();
    }

    @Test
    void givenTheOfficerRole_whenMapped_thenTheDepartmentClaimCannotMoveTheOfficerElsewhere() {
        StaffUser officer = new StaffUser("x", StaffRole.ANTI_CORRUPTION, null);
        assertThat(authorities(Map.of("hearing_roles", "ANTI_CORRUPTION", "hearing_department", "education")))
                .containsExactly("ROLE_ANTI_CORRUPTION");
        assertThat(officer.role()).isEqualTo(StaffRole.ANTI_CORRUPTION);
    }
}
