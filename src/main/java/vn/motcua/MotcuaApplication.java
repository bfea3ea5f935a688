package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Một Cửa Chat: one service that hears Messenger (and later Zalo and web chat) and answers in Vietnamese. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MotcuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
