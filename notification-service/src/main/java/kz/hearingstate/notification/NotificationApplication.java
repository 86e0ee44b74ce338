package kz.hearingstate.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tells citizens, departments and the akim's office of each step of an appeal, in their language, exactly once. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationApplication {

    /** Jakarta Mail's lookup key for its StreamProvider implementation. */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        // jakarta.mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the whole class path on
        // every encoded header, and Kazakh and Russian subjects are all encoded (jakartaee/mail-api#861):
        // a third of this service's CPU per e-mail in the benchmark. Naming the implementation skips the scan.
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        SpringApplication.run(NotificationApplication.class, args);
    }
}
