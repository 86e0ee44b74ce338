package kz.hearingstate.routing.workbench;

/** What a workbench user is, as a Spring Security role ({@code ROLE_<name>}). */
public enum StaffRole {
    /** Handles the appeals of one department. */
    SPECIALIST,
    /** Handles them too, and sees the department's figures, who handles what and the citizens' contacts. */
    HEAD,
    /** The akim's office triage desk: routes the appeals the model was unsure of. */
    TRIAGE,
    /** The akim and the akim's office: what is late across departments, read only. */
    AKIM_OFFICE,
    /** The anti-corruption officer: the only one who sees anti-corruption appeals. */
    ANTI_CORRUPTION,
    /** Reassigns (routes) appeals; reads what the akim's office reads. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Roles whose account belongs to one department (configured with it). */
    public boolean departmental() {
        return this == SPECIALIST || this == HEAD;
    }
}
