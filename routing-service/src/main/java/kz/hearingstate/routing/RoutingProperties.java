package kz.hearingstate.routing;

import java.time.Duration;
import java.util.Map;

import kz.hearingstate.events.AppealType;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/** {@code hearing.routing.*}; every setting is listed in the README's configuration table. */
@ConfigurationProperties("hearing.routing")
public record RoutingProperties(
        Resource directoryFile,
        @DefaultValue Classifier classifier,
        @DefaultValue Deadlines deadlines,
        @DefaultValue Timers timers) {

    /**
     * @param model               the trained department model (built by ModelTrainer)
     * @param confidenceThreshold below it, the appeal goes to the akim-office triage desk
     * @param hintWeight          factor applied to the department whose category the channel hinted
     * @param corruptionModel     the trained corruption detector (built by ModelTrainer)
     * @param corruptionThreshold at or above this probability of the detector, the appeal goes to anti-corruption
     * @param corruptionReviewThreshold from this probability up to {@code corruptionThreshold}, the appeal goes to
     *                            anti-corruption as a confidential triage (no band when not below it)
     */
    public record Classifier(
            @DefaultValue("classpath:classifier/model.bin.gz") Resource model,
            @DefaultValue("0.35") double confidenceThreshold,
            @DefaultValue("3.0") double hintWeight,
            @DefaultValue("classpath:classifier/corruption.bin.gz") Resource corruptionModel,
            @DefaultValue("0.5") double corruptionThreshold,
            @DefaultValue("0.5") double corruptionReviewThreshold) {
    }

    /**
     * @param defaultWorkingDays           the APPK term when the type has none of its own
     * @param workingDaysByType            terms per appeal type
     * @param warningWorkingDaysLeft       appeal.sla-warning when this many working days remain
     * @param outsideForwardingWorkingDays forwarding outside the akimat's competence is due within this many
     */
    public record Deadlines(
            @DefaultValue("15") int defaultWorkingDays,
            @DefaultValue Map<AppealType, Integer> workingDaysByType,
            @DefaultValue("2") int warningWorkingDaysLeft,
            @DefaultValue("3") int outsideForwardingWorkingDays) {

        public int workingDaysFor(AppealType type) {
            return workingDaysByType == null ? defaultWorkingDays : workingDaysByType.getOrDefault(type, defaultWorkingDays);
        }
    }

    /**
     * @param interval       how often due timers and unpublished events are looked for
     * @param batchSize      at most this many appeals per look
     * @param republishAfter events unpublished for this long are sent again
     */
    public record Timers(
            @DefaultValue("30s") Duration interval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("30s") Duration republishAfter) {
    }
}
