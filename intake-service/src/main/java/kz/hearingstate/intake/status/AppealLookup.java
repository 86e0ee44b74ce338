package kz.hearingstate.intake.status;

import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.web.problem.ApiException;
import kz.hearingstate.web.problem.ProblemType;
import org.springframework.stereotype.Component;

/**
 * Finds an appeal by a tracking code as a person typed it. A malformed code, a wrong check character
 * and an unknown code all get the same 404, so the answer gives no hint about which codes exist.
 */
@Component
public class AppealLookup {

    private final AppealStatusStore store;

    public AppealLookup(AppealStatusStore store) {
        this.store = store;
    }

    public AppealStatusView byTrackingCode(String typed) {
        return AppealIds.normalizeTrackingCode(typed)
                .flatMap(store::findByTrackingCode)
                .filter(view -> view.receivedAt() != null)
                .orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND));
    }
}
