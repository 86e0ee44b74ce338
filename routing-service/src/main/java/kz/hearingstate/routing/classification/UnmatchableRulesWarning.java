package kz.hearingstate.routing.classification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, names by id each stored override rule that can match nothing (see {@link OverrideRule#matchable}): one
 * saved when rules were {@code java.util.regex}'s, which RE2 refuses. Routing goes on without it; an admin rewrites it.
 * It names too each rule with a word boundary beside a letter outside ASCII ({@link OverrideRule#asciiBoundaryBesideNonAscii}):
 * RE2's boundaries, like Java's since JDK 19 without {@code (?U)}, know ASCII word characters only, so {@code \bвзятк}
 * never matched "взятку" here (a rule saved with {@code (?U)} under Java did, and the flag now means "ungreedy").
 */
@Component
class UnmatchableRulesWarning {

    private static final Logger log = LoggerFactory.getLogger(UnmatchableRulesWarning.class);

    private final OverrideRuleStore rules;

    UnmatchableRulesWarning(OverrideRuleStore rules) {
        this.rules = rules;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        try {
            for (OverrideRule rule : rules.all()) {
                if (!rule.matchable()) {
                    log.warn("Override rule {} matches nothing: its pattern is not RE2's (GET /api/v1/admin/routing-rules "
                            + "shows matchable=false); rewrite it", rule.id());
                } else if (OverrideRule.asciiBoundaryBesideNonAscii(rule.pattern())) {
                    log.warn("Override rule {} does not match as meant: \\b and \\B know ASCII word characters only, so beside a "
                            + "letter outside ASCII they find no word boundary; rewrite it", rule.id());
                }
            }
        } catch (RuntimeException e) {
            // A warning must not stop routing from starting (the store may be slow to answer at that moment).
            log.warn("Could not check the stored override rules: {}", e.toString());
        }
    }
}
