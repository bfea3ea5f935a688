package vn.motcua.privacy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

import ch.qos.logback.classic.spi.IThrowableProxy;

/** Spring Boot's {@code %wEx} (stack traces), with {@link LogRedaction} applied to every line (logback-spring.xml). */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return LogRedaction.redact(super.throwableProxyToString(tp));
    }
}
