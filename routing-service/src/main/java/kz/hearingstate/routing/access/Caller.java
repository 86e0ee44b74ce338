package kz.hearingstate.routing.access;

/** Who sent a request: the admin, or one department (by code). */
public record Caller(boolean admin, String department) {

    public static final String ADMIN_ACTOR = "admin";

    public static Caller ofAdmin() {
        return new Caller(true, null);
    }

    public static Caller ofDepartment(String code) {
        return new Caller(false, code);
    }

    /** The actor named on lifecycle events. */
    public String actor() {
        return admin ? ADMIN_ACTOR : department;
    }

    public boolean isDepartment(String code) {
        return !admin && department.equals(code);
    }
}
