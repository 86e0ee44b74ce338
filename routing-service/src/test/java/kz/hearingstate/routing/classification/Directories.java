package kz.hearingstate.routing.classification;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryFile;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The shipped Zhambyl directory as departments, for plain unit tests. */
final class Directories {

    private Directories() {
    }

    static List<Department> zhambyl() {
        DirectoryFile file = DirectoryFile.read(new ClassPathResource("departments/zhambyl-v1.json"), JsonMapper.builder().build());
        return file.departments().stream().map(r -> new Department(r.code(), 1, r.names(), r.phone(), r.email(), r.address(),
                r.categories(), r.settlements(), r.internal(), r.confidential(), false, "test", Instant.EPOCH)).toList();
    }

    static LogisticRegressionModel model() {
        try (InputStream in = Directories.class.getResourceAsStream("/classifier/model.bin.gz")) {
            return LogisticRegressionModel.readFrom(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
