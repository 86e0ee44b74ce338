package kz.hearingstate.web.security;

/**
 * The authenticated holder of an API key: its kind and its name (the channel id, the department code, or the
 * operator's or admin's configured name). Controllers take it as {@code @AuthenticationPrincipal ApiPrincipal}.
 */
public record ApiPrincipal(PrincipalKind kind, String name) {

    /** The actor named on events when the admin acts. */
    public static final String ADMIN_ACTOR = "admin";

    public static ApiPrincipal department(String code) {
        return new ApiPrincipal(PrincipalKind.DEPARTMENT, code);
    }

    public static ApiPrincipal admin() {
        return new ApiPrincipal(PrincipalKind.ADMIN, ADMIN_ACTOR);
    }

    public static ApiPrincipal channel(String id) {
        return new ApiPrincipal(PrincipalKind.CHANNEL, id);
    }

    public boolean isAdmin() {
        return kind == PrincipalKind.ADMIN;
    }

    public boolean isDepartment(String code) {
        return kind == PrincipalKind.DEPARTMENT && name.equals(code);
    }

    public boolean isChannel(String id) {
        return kind == PrincipalKind.CHANNEL && name.equals(id);
    }

    /** The admin, or the named department: may act for that department. */
    public boolean actsFor(String department) {
        return isAdmin() || isDepartment(department);
    }

    /** The actor named on lifecycle events: {@code admin} or the principal's name. */
    public String actor() {
        return isAdmin() ? ADMIN_ACTOR : name;
    }
}
