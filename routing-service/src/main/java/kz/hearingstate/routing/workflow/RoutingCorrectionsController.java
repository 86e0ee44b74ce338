package kz.hearingstate.routing.workflow;

import java.util.List;
import java.util.Map;

import kz.hearingstate.routing.classification.CorrectionStore;
import kz.hearingstate.routing.classification.LabelledAppeal;
import kz.hearingstate.routing.classification.RoutingCorrection;
import kz.hearingstate.routing.directory.DirectoryService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-made routings as labelled data for the admin's retraining, in the training set's JSON Lines shape (see README,
 * "Retraining"). Admin only (appeal-web's API chain). Nothing of an appeal that is or was last at a confidential
 * department: a correction is deleted when its appeal goes to one, and this export checks each appeal again, for a
 * department flagged since and for a deletion a crash may have missed.
 */
@RestController
class RoutingCorrectionsController {

    private final CorrectionStore corrections;
    private final AppealStore appeals;
    private final DirectoryService directory;

    RoutingCorrectionsController(CorrectionStore corrections, AppealStore appeals, DirectoryService directory) {
        this.corrections = corrections;
        this.appeals = appeals;
        this.directory = directory;
    }

    @GetMapping(value = "/api/v1/admin/routing-corrections", produces = "application/x-ndjson")
    String corrections() {
        List<RoutingCorrection> all = corrections.all();
        Map<String, RoutedAppeal> byId = appeals.findAll(all.stream().map(RoutingCorrection::appealId).distinct().toList());
        StringBuilder lines = new StringBuilder();
        for (RoutingCorrection c : all) {
            RoutedAppeal appeal = byId.get(c.appealId());
            if (directory.isConfidential(c.department()) || appeal == null || appeal.hasBeenAt(directory::isConfidential)) {
                continue;
            }
            lines.append(JsonMapper.shared().writeValueAsString(new LabelledAppeal("C-" + c.id(),
                    c.language() == null ? null : c.language().name(), "correction", c.text(), c.department()))).append('\n');
        }
        return lines.toString();
    }
}
