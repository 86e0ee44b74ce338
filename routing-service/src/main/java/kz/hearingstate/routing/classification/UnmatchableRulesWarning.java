package kz.hearingstate.routing.classification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, names by id each stored override rule that can match nothing (see {@link OverrideRule#matchable}): one
 * saved when rules were {@code java.util.regex}'s, which RE2 refuses. Routing goes on without it; an admin rewrites it.
 * It names too each rule that would not be saved now ({@link OverrideRule#compileNew}): one that Java read with Unicode
 * word boundaries ({@code \bвзятк} matched "взятку" then) and RE2 reads with ASCII ones, so that it may never match.
 */
@Component
class UnmatchableRulesWarning {

    private static final Logger log = LoggerFactory.getLogger(UnmatchableRulesWarning.class);

    private final OverrideRuleStore rules;

    UnmatchableRulesWarning(OverrideRuleStore rules) {
        this.rules = rules;
    }

    private static final String ASCII_ONLY_NOTE = "RE2's \\w and \\b are ASCII only, and its flag U means ungreedy";

    private static boolean savableNow(OverrideRule rule) {
        try {
            OverrideRule.compileNew(rule.pattern());
            return true;
        } catch (com.google.re2j.PatternSyntaxException e) {
            return false;
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        try {
            for (OverrideRule rule : rules.all()) {
                if (!rule.matchable()) {
                    log.warn("Override rule {} matches nothing: its pattern is not RE2's (GET /api/v1/admin/routing-rules "
                            + "shows matchable=false); rewrite it", rule.id());
                } else if (!savableNow(rule)) {
                    log.warn("Override rule {} may never match as meant: {}; rewrite it", rule.id(), ASCII_ONLY_NOTE);
                }
            }
        } catch (RuntimeException e) {
            // A warning must not stop routing from starting (the store may be slow to answer at that moment).
            log.warn("Could not check the stored override rules: {}", e.toString());
        }
    }
}
