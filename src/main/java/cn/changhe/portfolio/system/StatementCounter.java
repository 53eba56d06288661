package cn.changhe.portfolio.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the service executes, so that tests and the benchmark can show what a
 * request costs the database. Wraps the DataSource, its connections and statements in proxies, which
 * costs every JDBC call a reflective one: on only where {@code zone.count-statements=true} (the
 * tests and the benchmark), never by default.
 */
@Component
@ConditionalOnBooleanProperty("zone.count-statements")
public class StatementCounter implements BeanPostProcessor {

	private final LongAdder executed = new LongAdder();

	/** The statements of the request the thread serves, while one is being counted. */
	private static final ThreadLocal<long[]> REQUEST = new ThreadLocal<>();

	/** Whether the thread does the service's own background work, whose statements no request costs. */
	private static final ThreadLocal<Boolean> BACKGROUND = ThreadLocal.withInitial(() -> false);

	/**
	 * Marks the calling thread as one of the service's background threads (such as the change
	 * sequencer's): its statements are not counted, so that the counts say what requests cost.
	 */
	public static void background() {
		BACKGROUND.set(true);
	}

	/** Statements executed since the service started (a batch counts once), by requests and their like. */
	public long executed() {
		return this.executed.sum();
	}

	/** Starts counting the statements this thread executes, for the request it serves. */
	public void startRequest() {
		REQUEST.set(new long[1]);
	}

	/** The statements this thread executed since {@link #startRequest()}; it counts no more. */
	public long endRequest() {
		long[] count = REQUEST.get();
		REQUEST.remove();
		return (count != null) ? count[0] : 0;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof DataSource dataSource && !(bean instanceof Counting)) ? new Counting(dataSource) : bean;
	}

	private final class Counting extends DelegatingDataSource {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counting(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counting(super.getConnection(username, password));
		}

		private Connection counting(Connection connection) {
			return proxy(Connection.class, connection, (target, method, args) -> {
				Object result = invoke(target, method, args);
				return (result instanceof Statement statement) ? countingStatement(statement) : result;
			});
		}

		private Statement countingStatement(Statement statement) {
			Class<? extends Statement> type = (statement instanceof java.sql.CallableStatement) ? java.sql.CallableStatement.class
					: (statement instanceof java.sql.PreparedStatement) ? java.sql.PreparedStatement.class : Statement.class;
			return proxy(type, statement, (target, method, args) -> {
				if (method.getName().startsWith("execute") && !BACKGROUND.get()) {
					StatementCounter.this.executed.increment();
					long[] request = REQUEST.get();
					if (request != null) {
						request[0]++;
					}
				}
				return invoke(target, method, args);
			});
		}

	}

	private interface Call {

		Object invoke(Object target, Method method, Object[] args) throws Throwable;

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Object target, Call call) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> wanted
					&& wanted.isInstance(target)) {
				return target;
			}
			return call.invoke(target, method, args);
		};
		return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
