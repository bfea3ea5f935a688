package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import vn.motcua.cli.NluCommand;
import vn.motcua.cli.ResealCommand;

/** Một Cửa Chat: one service that hears Messenger (and later Zalo and web chat) and answers in Vietnamese. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

    public static void main(String[] args) {
        // "nlu …" runs the classifier from the command line without starting Spring, the web server or Redis.
        if (args.length > 0 && "nlu".equals(args[0])) {
            System.exit(NluCommand.main(args));
        }
        // "reseal" seals everything stored again under the current data key, without starting the service.
        if (args.length > 0 && "reseal".equals(args[0])) {
            System.exit(ResealCommand.main(args));
        }
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
