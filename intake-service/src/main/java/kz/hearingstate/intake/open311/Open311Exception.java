package kz.hearingstate.intake.open311;

/** An Open311 error answered in the standard's format ({@code [{code, description}]}). */
class Open311Exception extends RuntimeException {

    private final int status;

    Open311Exception(int status, String description) {
        super(description);
        this.status = status;
    }

    int status() {
        return status;
    }
}
