package kz.hearingstate.intake.portal;

import kz.hearingstate.intake.feedback.CitizenResponseService;
import kz.hearingstate.intake.feedback.FeedbackRequest;
import kz.hearingstate.intake.feedback.ReplyRequest;
import kz.hearingstate.intake.status.AppealLookup;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.submission.SubmissionReceipt;
import org.springframework.stereotype.Component;

/**
 * The one place that knows what the portal's private link holds and how it opens an appeal; every other portal
 * class passes the link's token along. Unknown and malformed tokens are the lookup's 404.
 */
@Component
class PortalAccess {

    private final AppealLookup lookup;
    private final CitizenResponseService responses;

    PortalAccess(AppealLookup lookup, CitizenResponseService responses) {
        this.lookup = lookup;
        this.responses = responses;
    }

    /** The citizen's secret: the public tracking code opens nothing. */
    String tokenOf(SubmissionReceipt receipt) {
        return receipt.accessSecret();
    }

    AppealStatusView open(String token) {
        return lookup.bySecret(token);
    }

    void rate(String token, FeedbackRequest feedback) {
        responses.giveFeedback(lookup.bySecret(token), feedback);
    }

    void reply(String token, ReplyRequest reply) {
        responses.reply(lookup.bySecret(token), reply);
    }
}
