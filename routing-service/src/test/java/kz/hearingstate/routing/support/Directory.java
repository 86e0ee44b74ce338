package kz.hearingstate.routing.support;

import kz.hearingstate.routing.classification.SettlementNormaliser;
import kz.hearingstate.routing.directory.DirectoryFile;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The seeded directory file, as routing reads it at start-up. */
public final class Directory {

    public static final DirectoryFile FILE =
            DirectoryFile.read(new ClassPathResource("departments/zhambyl-v1.json"), JsonMapper.builder().build());

    /** Its canonical settlement list. */
    public static final SettlementNormaliser SETTLEMENTS = new SettlementNormaliser(FILE.settlements());

    private Directory() {
    }
}
