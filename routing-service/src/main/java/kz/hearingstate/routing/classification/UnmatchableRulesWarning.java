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
 * Java read it with Unicode word boundaries ({@code \bвзятк} matched "взятку" then), RE2 reads it with ASCII ones.
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
                    log.warn("Override rule {} may not match as meant: RE2's \\b is ASCII only, so beside a Cyrillic letter "
                            + "it finds no word boundary; rewrite it", rule.id());
                }
            }
        } catch (RuntimeException e) {
            // A warning must not stop routing from starting (the store may be slow to answer at that moment).
            log.warn("Could not check the stored override rules: {}", e.toString());
        }
    }
}
