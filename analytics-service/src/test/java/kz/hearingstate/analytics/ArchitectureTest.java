package kz.hearingstate.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import kz.hearingstate.testing.ArchitectureRules;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.Location;
import org.springframework.web.bind.annotation.RestController;

/** Package boundaries, and the rule that analytics never reads personal data out of an event. */
@AnalyzeClasses(packages = "kz.hearingstate.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDoesNotKnowTheWebOrKafka = noClasses()
            .that().resideInAnyPackage("..analytics.facts..", "..analytics.figures..", "..analytics.hotspots..",
                    "..analytics.directory..")
            .should().dependOnClassesThat().resideInAnyPackage("..analytics.web..", "..analytics.ingest..", "..analytics.config..");

    @ArchTest
    static final ArchRule controllersOnlyInWeb = noClasses()
            .that().resideOutsideOfPackage("..analytics.web..")
            .should().beAnnotatedWith(RestController.class);

    @ArchTest
    static final ArchRule personalDataIsNeverRead = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("kz.hearingstate.events.Citizen")
            .orShould().callMethod(AppealSubmitted.class, "citizen")
            .orShould().callMethod(AppealSubmitted.class, "text")
            .orShould().callMethod(AppealSubmitted.class, "subject")
            .orShould().callMethod(AppealSubmitted.class, "attachments")
            .orShould().callMethod(Location.class, "address")
            .orShould().callMethod(Location.class, "settlement")
            .orShould().callMethod(CitizenReplied.class, "text")
            .orShould().callMethod(AppealFeedback.class, "comment")
            .because("analytics and the public page keep no personal data");

    @ArchTest
    static final ArchRule featurePackagesDoNotDependOnEachOtherInCycles =
            ArchitectureRules.featurePackagesAreFreeOfCycles("kz.hearingstate.analytics");

    @ArchTest
    static final ArchRule indexesAreDeclaredByTheStoresAndCreatedOnlyByTheSharedCreator =
            ArchitectureRules.indexesAreOnlyDeclared();
}
