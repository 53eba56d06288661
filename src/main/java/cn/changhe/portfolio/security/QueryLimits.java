package cn.changhe.portfolio.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.changhe.portfolio.graphql.IgnoresPlainFields;
import cn.changhe.portfolio.graphql.Selections;
import cn.changhe.portfolio.graphql.Unavailable;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Refuses, before it runs, an operation that would cost too much: by its calculated cost (a list
 * asked for with {@code first} costs that many times one row of it, like GitHub's and Shopify's
 * cost), its depth, its aliases and its root fields; and stops one that runs too long. The cost
 * goes into the GraphQL context, for the response's {@code extensions.cost} and the client's budget.
 *
 * <p>It runs after Spring for GraphQL's observation of the request ({@code graphql.request}), so
 * that an operation it refuses is observed too (see {@link SecurityConfiguration}).
 */
public class QueryLimits extends SimplePerformantInstrumentation implements IgnoresPlainFields {

	/** Where the operation's cost is kept in the GraphQL context. */
	public static final String COST = QueryLimits.class.getName() + ".cost";

	/** Where the client's remaining budget is kept in the GraphQL context. */
	public static final String REMAINING = QueryLimits.class.getName() + ".remaining";

	/** Where the budget the cost was taken from ({@link RateProperties.Limit}) is kept in the GraphQL context. */
	public static final String LIMIT = QueryLimits.class.getName() + ".limit";

	/** Where the operation's name is kept in the GraphQL context, when it has one. */
	public static final String OPERATION = QueryLimits.class.getName() + ".operation";

	/** Where the operation's type (query, mutation) is kept in the GraphQL context. */
	public static final String OPERATION_TYPE = QueryLimits.class.getName() + ".operationType";

	/** Where the request's remote address is kept in the GraphQL context, for the public's budget. */
	public static final String ADDRESS = QueryLimits.class.getName() + ".address";

	private static final String STARTED = QueryLimits.class.getName() + ".started";

	/** The classification of an operation refused over its budget. */
	public static final ErrorClassification RATE_LIMITED = ErrorClassification.errorClassification("RATE_LIMITED");

	private static final ErrorClassification UNAUTHORIZED = ErrorClassification.errorClassification("UNAUTHORIZED");

	/** What a list costs per row when the request gives no size: the default page. */
	private static final int DEFAULT_ROWS = 20;

	/** Summaries read many rows but answer few groups: a fixed cost for the grouping. */
	private static final Set<String> SUMMARIES = Set.of("investmentSummary", "projectSummary");

	private static final int SUMMARY_COST = 100;

	/** The root fields that ask for the schema itself. */
	private static final Set<String> INTROSPECTION = Set.of("__schema", "__type");

	/**
	 * The longest chain of {@code ofType} an introspection may ask for. No type of this schema wraps
	 * deeper than {@code [X!]!} (3); graphql-js 16's standard query asks for 7, graphql-js 17's for 9.
	 */
	static final int MAX_OF_TYPE_CHAIN = 10;

	private final LimitProperties limits;

	private final RateLimiter rate;

	private final Admission admission;

	/**
	 * Measures already taken, by document (the parsed documents are cached, so the same text is the
	 * same instance), operation, and the values of the variables a measure depends on.
	 */
	private final Cache<Measured, Measure> measures = Caffeine.newBuilder().maximumSize(2_000).build();

	/** The variables each document's measure depends on, by document instance, for as long as it is cached. */
	private final Cache<Document, Set<String>> measuredVariables = Caffeine.newBuilder().weakKeys().build();

	private final Unavailable.Properties outage;

	QueryLimits(LimitProperties limits, RateLimiter rate, Admission admission, Unavailable.Properties outage) {
		this.limits = limits;
		this.outage = outage;
		this.rate = rate;
		this.admission = admission;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		if (Viewer.client().isEmpty() && Selections.asks(context.getOperationDefinition().getSelectionSet(), INTROSPECTION,
				context.getFragmentsByName())) {
			GraphQLError error = GraphQLError.newError()
				.message("Introspection is for API clients: send a bearer token.")
				.errorType(UNAUTHORIZED)
				.build();
			throw new AbortExecutionException(List.of(error));
		}
		context.getGraphQLContext().put(OPERATION_TYPE, context.getOperationDefinition().getOperation());
		String operation = context.getOperationDefinition().getName();
		if (operation != null) {
			context.getGraphQLContext().put(OPERATION, operation);
		}
		Measure measure = measured(context);
		context.getGraphQLContext().put(COST, measure.cost);
		if (measure.cost > this.limits.maxCost()) {
			throw TooComplex.abort("The operation would cost " + measure.cost + ", over the limit of " + this.limits.maxCost()
					+ ": ask for fewer rows (first/last) or fewer nested lists.",
					Map.of("cost", measure.cost, "maxCost", this.limits.maxCost()));
		}
		if (measure.ofTypeChain > MAX_OF_TYPE_CHAIN) {
			throw TooComplex.abort("The introspection asks for a chain of " + measure.ofTypeChain
					+ " ofType fields, over the limit of " + MAX_OF_TYPE_CHAIN + ": no type of this schema needs more than 3.",
					Map.of("ofTypeChain", measure.ofTypeChain, "maxOfTypeChain", MAX_OF_TYPE_CHAIN));
		}
		if (measure.depth > this.limits.maxDepth()) {
			throw TooComplex.abort("The operation nests " + measure.depth + " fields deep, over the limit of "
					+ this.limits.maxDepth() + ".", Map.of("depth", measure.depth, "maxDepth", this.limits.maxDepth()));
		}
		if (measure.aliases > this.limits.maxAliases()) {
			throw TooComplex.abort("The operation has " + measure.aliases + " aliases, over the limit of "
					+ this.limits.maxAliases() + ".", Map.of("aliases", measure.aliases, "maxAliases", this.limits.maxAliases()));
		}
		if (measure.rootFields > this.limits.maxRootFields()) {
			throw TooComplex.abort("The operation asks for " + measure.rootFields + " root fields, over the limit of "
					+ this.limits.maxRootFields() + ".",
					Map.of("rootFields", measure.rootFields, "maxRootFields", this.limits.maxRootFields()));
		}
		String key = RateLimiter.keyOf(context.getGraphQLContext().getOrDefault(ADDRESS, "unknown"));
		context.getGraphQLContext().put(LIMIT, this.rate.limitOf(key));
		RateLimiter.Outcome outcome;
		try {
			outcome = this.rate.take(key, measure.cost);
		}
		catch (RuntimeException ex) {
			if (Unavailable.isOutage(ex)) {
				throw new AbortExecutionException(List.of(Unavailable.error(this.outage.retryAfter())));
			}
			throw ex;
		}
		context.getGraphQLContext().put(REMAINING, outcome.remaining());
		if (!outcome.allowed()) {
			GraphQLError error = GraphQLError.newError()
				.message("Over the query budget: " + measure.cost + " wanted, " + outcome.remaining()
						+ " left; try again in " + outcome.retryAfterSeconds() + " s.")
				.errorType(RATE_LIMITED)
				.extensions(Map.of("retryAfter", outcome.retryAfterSeconds()))
				.build();
			throw new AbortExecutionException(List.of(error));
		}
		// a heavy operation waits here for its turn; its time limit starts when it runs
		this.admission.admit(context.getGraphQLContext().get(Admission.TICKET), measure.cost);
		context.getGraphQLContext().put(STARTED, System.nanoTime());
		return SimpleInstrumentationContext.noOp();
	}

	/**
	 * Stops an operation past its time limit at its next fetch that does work, or asks for a page: a
	 * trivial fetcher (a property, an amount, a key to load) ends at once, and checking the clock on
	 * each of thousands of them would cost more than they do. A relation's connection field is
	 * trivial too (it queues its parent's key), but its batch reads a page for every parent.
	 */
	@Override
	public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()
				&& !GraphQLTypeUtil.unwrapAll(parameters.getField().getType()).getName().endsWith("Connection")) {
			return FieldFetchingInstrumentationContext.NOOP;
		}
		Long started = parameters.getExecutionContext().getGraphQLContext().get(STARTED);
		if (started != null && System.nanoTime() - started > this.limits.timeout().toNanos()) {
			throw new AbortExecutionException("The operation ran longer than " + this.limits.timeout().toSeconds()
					+ " s and was stopped: ask for less.");
		}
		return FieldFetchingInstrumentationContext.NOOP;
	}

	/**
	 * Once one field of the operation found the database out of reach ({@link Unavailable#FOUND}),
	 * the fields after it that would go to the database fail at once with the same error, rather
	 * than each waiting in turn for a connection that will not come.
	 */
	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (parameters.isTrivialDataFetcher()
				|| !parameters.getExecutionContext().getGraphQLContext().getBoolean(Unavailable.FOUND, false)) {
			return dataFetcher;
		}
		return (environment) -> {
			throw new CannotGetJdbcConnectionException("The database was found out of reach earlier in this operation.");
		};
	}

	/**
	 * The operation's measure, taken once for each document, operation and values of the variables
	 * it depends on: those given as {@code first} or {@code last} and those of directives
	 * ({@code @skip}, {@code @include}). The others (ids, filters) cannot change it.
	 */
	private Measure measured(ExecutionContext context) {
		Document document = context.getDocument();
		Map<String, Object> variables = context.getCoercedVariables().toMap();
		List<Object> values = new ArrayList<>();
		for (String name : this.measuredVariables.get(document, QueryLimits::variablesMeasured)) {
			values.add(name);
			values.add(variables.get(name));
		}
		return this.measures.get(new Measured(document, context.getOperationDefinition().getName(), values),
				(key) -> measure(context));
	}

	private static Set<String> variablesMeasured(Document document) {
		Set<String> names = new LinkedHashSet<>();
		for (Node<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				collect(operation.getSelectionSet(), names);
				operation.getDirectives().forEach((directive) -> collect(directive, names));
			}
			else if (definition instanceof FragmentDefinition fragment) {
				collect(fragment.getSelectionSet(), names);
				fragment.getDirectives().forEach((directive) -> collect(directive, names));
			}
		}
		return names;
	}

	private static void collect(SelectionSet selections, Set<String> names) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				for (Argument argument : field.getArguments()) {
					if ((argument.getName().equals("first") || argument.getName().equals("last"))
							&& argument.getValue() instanceof VariableReference variable) {
						names.add(variable.getName());
					}
				}
				field.getDirectives().forEach((directive) -> collect(directive, names));
				collect(field.getSelectionSet(), names);
			}
			else if (selection instanceof InlineFragment inline) {
				inline.getDirectives().forEach((directive) -> collect(directive, names));
				collect(inline.getSelectionSet(), names);
			}
			else if (selection instanceof FragmentSpread spread) {
				spread.getDirectives().forEach((directive) -> collect(directive, names));
			}
		}
	}

	private static void collect(Directive directive, Set<String> names) {
		for (Argument argument : directive.getArguments()) {
			if (argument.getValue() instanceof VariableReference variable) {
				names.add(variable.getName());
			}
		}
	}

	private static Measure measure(ExecutionContext context) {
		QueryTraverser traverser = QueryTraverser.newQueryTraverser()
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getOperationDefinition().getName())
			.coercedVariables(context.getCoercedVariables())
			.build();
		Measure measure = new Measure();
		Map<QueryVisitorFieldEnvironment, Long> childCosts = new HashMap<>();
		traverser.visitPostOrder(new QueryVisitorStub() {

			@Override
			public void visitField(QueryVisitorFieldEnvironment env) {
				if (env.isTypeNameIntrospectionField()) {
					return;
				}
				long children = childCosts.getOrDefault(env, 0L);
				long cost = cost(env, children);
				QueryVisitorFieldEnvironment parent = env.getParentEnvironment();
				if (parent == null) {
					measure.cost = Math.min(Long.MAX_VALUE / 2, measure.cost + cost);
					measure.rootFields++;
				}
				else {
					childCosts.merge(parent, cost, (a, b) -> Math.min(Long.MAX_VALUE / 2, a + b));
				}
				if (env.getField().getAlias() != null) {
					measure.aliases++;
				}
				// The schema's own nesting (types, fields, type, ofType...) is not the data graph's: graphql-java's
				// GoodFaithIntrospection bounds it (one __schema and __type, no cycles, 500 fields, depth 20), and
				// the chain of ofType is bounded here; the depth limit counts data fields only.
				if (introspects(env)) {
					measure.ofTypeChain = Math.max(measure.ofTypeChain, ofTypeChain(env));
				}
				else {
					measure.depth = Math.max(measure.depth, depth(env));
				}
			}

		});
		return measure;
	}

	private static long cost(QueryVisitorFieldEnvironment env, long children) {
		if (SUMMARIES.contains(env.getField().getName()) && env.getParentEnvironment() == null) {
			return SUMMARY_COST + children;
		}
		Object first = env.getArguments().get("first");
		Object last = env.getArguments().get("last");
		boolean paged = env.getFieldDefinition().getArgument("first") != null;
		if (!paged) {
			return 1 + children;
		}
		long rows = (first instanceof Number n) ? n.longValue() : (last instanceof Number n) ? n.longValue() : DEFAULT_ROWS;
		return Math.min(Long.MAX_VALUE / 4, Math.max(1, rows) * (1 + children));
	}

	private static int depth(QueryVisitorFieldEnvironment env) {
		int depth = 1;
		for (QueryVisitorFieldEnvironment parent = env.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
			depth++;
		}
		return depth;
	}

	private static boolean introspects(QueryVisitorFieldEnvironment env) {
		QueryVisitorFieldEnvironment root = env;
		while (root.getParentEnvironment() != null) {
			root = root.getParentEnvironment();
		}
		return INTROSPECTION.contains(root.getField().getName());
	}

	private static int ofTypeChain(QueryVisitorFieldEnvironment env) {
		int chain = 0;
		for (QueryVisitorFieldEnvironment field = env; field != null && field.getField().getName().equals("ofType");
				field = field.getParentEnvironment()) {
			chain++;
		}
		return chain;
	}

	private record Measured(Document document, String operation, List<Object> values) {
	}

	private static final class Measure {

		long cost;

		int depth;

		int ofTypeChain;

		int aliases;

		int rootFields;

	}

}
