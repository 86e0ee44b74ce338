package kz.hearingstate.routing.workbench;

/** How close an appeal is to its legal deadline; each has a colour (and a word, not only a colour) on the page. */
public enum Urgency {
    OVERDUE, DUE_SOON, ON_TIME, PAUSED, CLOSED;

    public String css() {
        return "urgency-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
