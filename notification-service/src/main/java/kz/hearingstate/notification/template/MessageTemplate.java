package kz.hearingstate.notification.template;

/**
 * Every message this service sends. Each has one file per language under
 * {@code templates/<name>/<lang>.txt}: a {@code Subject:} line, a blank line, then the body.
 */
public enum MessageTemplate {
    APPEAL_REGISTERED("appeal-registered"),
    APPEAL_ROUTED("appeal-routed"),
    APPEAL_FORWARDED("appeal-forwarded"),
    INFO_REQUESTED("appeal-info-requested"),
    APPEAL_EXTENDED("appeal-extended"),
    APPEAL_ANSWERED("appeal-answered"),
    APPEAL_REJECTED("appeal-rejected"),
    DEPARTMENT_ASSIGNED("department-assigned"),
    DEPARTMENT_SLA_WARNING("department-sla-warning"),
    DEPARTMENT_SLA_BREACHED("department-sla-breached"),
    AKIM_OFFICE_ESCALATED("akim-office-escalated");

    private final String fileName;

    MessageTemplate(String fileName) {
        this.fileName = fileName;
    }

    /** The folder of the template files, also the {@code template} of outcome events and metrics. */
    public String fileName() {
        return fileName;
    }

    public static MessageTemplate ofFileName(String fileName) {
        for (MessageTemplate template : values()) {
            if (template.fileName.equals(fileName)) {
                return template;
            }
        }
        throw new IllegalArgumentException("Unknown template " + fileName);
    }
}
