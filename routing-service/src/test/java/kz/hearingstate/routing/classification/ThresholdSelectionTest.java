package kz.hearingstate.routing.classification;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdSelectionTest {

    private static final double NO_DETECTOR = 1.0;

    @Test
    void onAFullTieTheDeskKeepsTheHighestThresholdInsteadOfSwitchingOff() {
        // 40 appeals routed right, the least sure at 0.50; one misrouted with confidence 0.90. Every threshold from 0.00
        // to 0.50 triages nothing and misroutes one: a full tie. Above 0.50 the desk would take 40 of 41, over budget.
        List<ThresholdSelection.Scored> scored = routedRight(0.50);
        scored.add(ordinary("wrong", "health", "education", 0.90));
        ThresholdSelection selection = new ThresholdSelection(scored);

        assertThat(selection.confidenceThreshold(NO_DETECTOR, NO_DETECTOR)).isEqualTo(0.50);
        assertThat(selection.at(NO_DETECTOR, NO_DETECTOR, 0.50).triaged()).isZero();
    }

    @Test
    void aLowerCostStillWinsOverATie() {
        List<ThresholdSelection.Scored> scored = routedRight(0.60);
        // Misrouted and unsure: triaging it (cost 0.5) beats misrouting it (cost 1) from 0.21 up; the tie then runs to 0.60.
        scored.add(ordinary("unsure", "health", "education", 0.20));
        ThresholdSelection selection = new ThresholdSelection(scored);

        double chosen = selection.confidenceThreshold(NO_DETECTOR, NO_DETECTOR);
        assertThat(chosen).isEqualTo(0.60);
        assertThat(selection.at(NO_DETECTOR, NO_DETECTOR, chosen).triaged()).isEqualTo(1);
        assertThat(selection.at(NO_DETECTOR, NO_DETECTOR, chosen).misrouted()).isZero();
    }

    /** 40 appeals the model routes right, the least sure of them at {@code leastSure}, the others a little surer. */
    private static List<ThresholdSelection.Scored> routedRight(double leastSure) {
        List<ThresholdSelection.Scored> scored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            scored.add(ordinary("right-" + i, "education", "education", leastSure + i * 0.005));
        }
        return scored;
    }

    private static ThresholdSelection.Scored ordinary(String id, String department, String firstChoice, double confidence) {
        return new ThresholdSelection.Scored(new LabelledAppeal(id, "en", "plain", "text " + id, department), false, 0.0,
                firstChoice, confidence);
    }
}
