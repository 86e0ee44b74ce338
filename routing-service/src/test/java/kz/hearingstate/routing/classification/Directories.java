package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryFile;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** The shipped Zhambyl directory, models and classifier settings (application.yml), for plain unit tests. */
final class Directories {

    private Directories() {
    }

    static List<Department> zhambyl() {
        DirectoryFile file = DirectoryFile.read(new ClassPathResource("departments/zhambyl-v1.json"), JsonMapper.builder().build());
        return file.departments().stream().map(r -> new Department(r.code(), 1, r.names(), r.phone(), r.email(), r.address(), r.addresses(),
                r.categories(), r.settlements(), r.internal(), r.confidential(), false, "test", Instant.EPOCH)).toList();
    }

    static LogisticRegressionModel model() {
        return read(new ClassPathResource("classifier/" + ModelTrainer.DEPARTMENT_MODEL));
    }

    static LogisticRegressionModel corruptionModel() {
        return read(new ClassPathResource("classifier/" + ModelTrainer.CORRUPTION_MODEL));
    }

    /** The classifier settings of application.yml, with the defaults of its environment variables. */
    static RoutingProperties.Classifier shippedSettings() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment).bind("hearing.routing.classifier", RoutingProperties.Classifier.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classifier exactly as the service builds it: the shipped models and thresholds. */
    static AppealClassifier shippedClassifier() {
        RoutingProperties.Classifier settings = shippedSettings();
        return new AppealClassifier(new CorruptionDetector(corruptionModel(), settings.corruptionThreshold(),
                settings.corruptionReviewThreshold()), model(),
                settings.confidenceThreshold(), settings.hintWeight());
    }

    private static LogisticRegressionModel read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return LogisticRegressionModel.readFrom(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
