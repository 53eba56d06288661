package cn.changhe.portfolio.system;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.core.log.LogMessage;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's debug messages, built lazily with {@link LogMessage} on hot paths (every secured call
 * describes its method invocation), are not built while debug is off: Commons Logging goes through
 * the Log4j API, which checks the level first (commons-logging.properties), not through its SLF4J
 * adapter, which formats every message before Logback drops it.
 */
class LoggingTest {

	@Test
	void aDebugMessageIsNotBuiltWhileDebugIsOff() {
		Log log = LogFactory.getLog(AuthorizationManagerBeforeMethodInterceptor.class);
		AtomicInteger built = new AtomicInteger();
		assertThat(log.isDebugEnabled()).isFalse();
		log.debug(LogMessage.of(() -> "built " + built.incrementAndGet()));
		assertThat(built).hasValue(0);
	}

}
