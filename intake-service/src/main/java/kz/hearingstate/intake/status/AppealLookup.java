package kz.hearingstate.intake.status;

import java.util.Optional;

import kz.hearingstate.intake.identity.AppealIds;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.web.problem.ApiException;
import org.springframework.stereotype.Component;

/**
 * Finds the appeal a caller may act on, or answers 404. Two principals may: the citizen, by the access secret,
 * and the channel that submitted the appeal, by its key and the public tracking code. A malformed code or
 * secret, a wrong check character, an unknown appeal and another channel's appeal all get the same 404, so
 * the answer gives no hint about which appeals exist.
 */
@Component
public class AppealLookup {

    private final AppealStatusStore store;

    public AppealLookup(AppealStatusStore store) {
        this.store = store;
    }

    /** For the channel that submitted it, acting for its own user. */
    public AppealStatusView ofChannel(String channel, String typedTrackingCode) {
        return found(AppealIds.normalizeTrackingCode(typedTrackingCode)
                .flatMap(store::findByTrackingCode)
                .filter(view -> channel != null && channel.equals(view.channel())));
    }

    /** For whoever holds the citizen's access secret. */
    public AppealStatusView bySecret(String typedSecret) {
        return found(CitizenSecrets.normalize(typedSecret).flatMap(store::findByAccessSecret));
    }

    private static AppealStatusView found(Optional<AppealStatusView> view) {
        return view.filter(v -> v.receivedAt() != null).orElseThrow(ApiException::notFound);
    }
}
