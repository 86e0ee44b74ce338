package kz.hearingstate.web.security;

import java.util.Locale;

/** Who holds an API key. Each kind is a Spring Security role ({@code ROLE_CHANNEL}, ...). */
public enum PrincipalKind {
    /** An intake channel (portal, app, hotline, Open311 gateway): submits appeals for its users. */
    CHANNEL,
    /** A department's system: reads its own inbox and acts on its own appeals. */
    DEPARTMENT,
    /** A notification operator: reads what was sent about an appeal, and the local dev mailbox. */
    OPERATOR,
    /** The platform's administrator: directory, routing rules, every department's view. */
    ADMIN;

    /** The role name for {@code hasRole(...)}. */
    public String role() {
        return name();
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The key under {@code hearing.web.security.keys}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
