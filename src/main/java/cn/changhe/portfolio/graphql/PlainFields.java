package cn.changhe.portfolio.graphql;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import graphql.Scalars;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.FieldValueInfo;
import graphql.execution.FieldValueInfo.CompleteValueType;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.execution.ResolveType;
import graphql.execution.ResponseMapFactory;
import graphql.execution.ResultNodesInfo;
import graphql.execution.ResultPath;
import graphql.execution.ValueUnboxer;
import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.LightDataFetcher;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;
import org.reactivestreams.Publisher;

import org.springframework.validation.BindException;

/**
 * graphql-java's execution, with a shortcut for plain fields. A field is plain when its value is
 * only read from its source ({@link PlainFetcher}, or graphql-java's property fetchers; a to-one
 * relation is plain where its key is null) and all that is selected below it is plain too, of
 * object, scalar and enum types. A plain field, or a whole
 * plain value below a field that did work (a page of rows, a summary's groups), is read and
 * completed in one pass, following a shape worked out once per request for each place in the
 * document. graphql-java would build an environment, an execution step, instrumentation parameters
 * and a result future for every field of every object, which on a wide answer (thousands of
 * amounts) costs more than reading the rows.
 *
 * <p>The answer is the same: the same maps (from the execution's response map factory), lists and
 * serialized values, in the same order. Where the shortcut meets what it does not handle (a null
 * where the schema allows none, a value its scalar cannot serialize, a getter that throws), it gives
 * the field back to graphql-java, which reads it again and reports the error as it always does. Plain
 * fetchers have no side effects, so reading twice is safe.
 *
 * <p>A root field's value is completed level by level even where relations are selected within it,
 * as long as they are {@link Batched} (paged relations, to-one relations by key) and all else is
 * plain: each place of a relation is loaded once, for all the rows at that place, by the batch
 * loader its DataLoader would run, before anything is completed ({@link Shape#prefetch}), so the
 * statements are those graphql-java's DataLoaders would send, one a place. graphql-java would
 * execute every object holding a relation field, with its DataLoader dispatch; on five sectors
 * with five enterprises each, three projects each, that was half of the JVM's time. Within a value
 * reached by graphql-java's own execution (below a field that is not plain), relations are left to
 * graphql-java: there one value holds a place's rows only for its own parent, and the DataLoaders
 * load the rows of all the parents together. A root field of an interface or a union type resolves
 * each value's type as graphql-java does.
 *
 * <p>It is not taken for root fields' fetches (graphql-java counts them to know when to dispatch the
 * DataLoaders of the next level), with {@code @defer}, with a limit on result nodes, for fields
 * carrying directives other than {@code @skip} and {@code @include}, or under an instrumentation
 * that is not known to ignore trivial fields ({@link IgnoresPlainFields}). Plain values load nothing
 * through DataLoaders, and the objects within them are not counted as objects executed, so the
 * dispatch of the other fields' DataLoaders is unchanged.
 */
final class PlainFields extends AsyncExecutionStrategy {

	private static final String SHAPES = PlainFields.class.getName() + ".shapes";

	private static final Set<String> CONDITIONS = Set.of("skip", "include");

	/** What a plain fetcher is given in place of an environment: asking for one means it is not plain. */
	private static final Supplier<DataFetchingEnvironment> NO_ENVIRONMENT = () -> {
		throw PlainFetcher.NotPlain.INSTANCE;
	};

	private final DataLoaders loaders;

	private final ResolveType types = new ResolveType();

	PlainFields(DataFetcherExceptionHandler exceptionHandler, DataLoaders loaders) {
		super(exceptionHandler);
		this.loaders = loaders;
	}

	@Override
	protected Object resolveFieldWithInfo(ExecutionContext context, ExecutionStrategyParameters parameters) {
		if (parameters.getPath().getLevel() > 1) {
			Shapes shapes = shapes(context);
			if (shapes != null) {
				GraphQLObjectType parent = parameters.getExecutionStepInfo().getUnwrappedNonNullTypeAs();
				Read read = shapes.read(parent, parameters.getField());
				if (read != null) {
					try {
						Object value = read.from(parameters.getSource());
						return new FieldValueInfo(kind(read.shape.type(), value), value);
					}
					catch (RuntimeException ex) {
						// graphql-java reads it again, and reports what went wrong
					}
				}
			}
		}
		return super.resolveFieldWithInfo(context, parameters);
	}

	@Override
	protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
		GraphQLOutputType type = parameters.getExecutionStepInfo().getType();
		GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
		boolean root = isRootField(parameters.getPath());
		if (parameters.getSource() != null && (unwrapped instanceof GraphQLObjectType
				|| (root && (unwrapped instanceof GraphQLInterfaceType || unwrapped instanceof GraphQLUnionType)))) {
			Shapes shapes = shapes(context);
			Shape shape = (shapes != null)
					? shapes.shape(type, parameters.getField(), root ? parameters.getExecutionStepInfo() : null) : null;
			if (shape != null) {
				try {
					Object source = shapes.unboxing.plain(parameters.getSource());
					if (shape.batches() && source != null) {
						shape.prefetch(List.of(source));
					}
					Object value = shape.complete(source);
					return new FieldValueInfo(kind(type, value), value);
				}
				catch (RuntimeException ex) {
					// as above; what the batches loaded (or how one failed) its DataLoaders take, without a
					// second load (DataLoaders.Loads), and graphql-java reports a failure as it always does
				}
			}
		}
		return super.completeValue(context, parameters);
	}

	/** Whether the path is a root field's (its value, not an item of it). */
	private static boolean isRootField(ResultPath path) {
		return !path.isListSegment() && path.getParent() != null && path.getParent().isRootPath();
	}

	private static CompleteValueType kind(GraphQLType type, Object value) {
		GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
		if (value == null) {
			return CompleteValueType.NULL;
		}
		if (nullable instanceof GraphQLList) {
			return CompleteValueType.LIST;
		}
		if (nullable instanceof GraphQLScalarType) {
			return CompleteValueType.SCALAR;
		}
		return (nullable instanceof GraphQLEnumType) ? CompleteValueType.ENUM : CompleteValueType.OBJECT;
	}

	/** The request's shapes, or null where the shortcut may not be taken at all. */
	private Shapes shapes(ExecutionContext context) {
		Shapes shapes = context.getGraphQLContext().computeIfAbsent(SHAPES, (key) -> new Shapes(context));
		return shapes.enabled ? shapes : null;
	}

	/** Whether the instrumentation (each one of a chain) is known to leave trivial fields alone. */
	static boolean ignoresPlainFields(Instrumentation instrumentation) {
		if (instrumentation instanceof ChainedInstrumentation chain) {
			return chain.getInstrumentations().stream().allMatch(PlainFields::ignoresPlainFields);
		}
		return instrumentation instanceof IgnoresPlainFields
				|| instrumentation == SimplePerformantInstrumentation.INSTANCE;
	}

	/** How a value of one type, with one selection, completes. */
	private interface Shape {

		GraphQLType type();

		/** The completed value; throws {@link PlainFetcher.NotPlain} where graphql-java must do it. */
		Object complete(Object value);

		/** Whether a field within loads in batches ({@link Batched}): then {@link #prefetch} comes first. */
		default boolean batches() {
			return false;
		}

		/**
		 * Loads what the batched fields within need for all these values (none null), a batch for
		 * each place, before any of them completes.
		 */
		default void prefetch(List<Object> values) {
		}

	}

	/**
	 * A field read from its source: how it is read, how its value completes, and what to do when its
	 * fetcher finds that a source's value needs more than the source.
	 */
	private record Read(Getter getter, Shape shape, Unboxing unboxing, Runnable demote) {

		boolean batches() {
			return this.getter instanceof Batch || this.shape.batches();
		}

		/** Loads the field's batch for all the sources, then what their values need, in turn. */
		void prefetch(List<Object> sources) {
			if (this.getter instanceof Batch batch) {
				batch.load(sources);
			}
			if (this.shape.batches()) {
				List<Object> values = new ArrayList<>(sources.size());
				for (Object source : sources) {
					Object value = this.unboxing.plain(read(source));
					if (value != null) {
						values.add(value);
					}
				}
				this.shape.prefetch(values);
			}
		}

		Object from(Object source) {
			return this.shape.complete(this.unboxing.plain(read(source)));
		}

		private Object read(Object source) {
			try {
				return this.getter.get(source);
			}
			catch (PlainFetcher.NotPlain ex) {
				this.demote.run();
				throw ex;
			}
		}

	}

	@FunctionalInterface
	private interface Getter {

		Object get(Object source);

	}

	/**
	 * A property read as graphql-java reads it, except from a record: there its component's
	 * accessor, which is the method graphql-java would pick first, is called directly, without the
	 * cache lookup by class and name that graphql-java makes for every value.
	 */
	private static final class Property implements Getter {

		private final String name;

		private final GraphQLFieldDefinition definition;

		private final LightDataFetcher<?> fetcher;

		/** The accessor for the last class read from: the sources at one place are nearly always of one class. */
		private volatile Accessor last;

		Property(String name, GraphQLFieldDefinition definition, LightDataFetcher<?> fetcher) {
			this.name = name;
			this.definition = definition;
			this.fetcher = fetcher;
		}

		@Override
		public Object get(Object source) {
			Accessor accessor = this.last;
			if (accessor == null || accessor.type != source.getClass()) {
				accessor = new Accessor(source.getClass(),
						(this.name != null) ? COMPONENTS.get(source.getClass()).get(this.name) : null);
				this.last = accessor;
			}
			try {
				return (accessor.handle != null) ? (Object) accessor.handle.invokeExact(source)
						: this.fetcher.get(this.definition, source, NO_ENVIRONMENT);
			}
			catch (RuntimeException | Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw PlainFetcher.NotPlain.INSTANCE;
			}
		}

	}

	private record Accessor(Class<?> type, MethodHandle handle) {
	}

	/**
	 * A {@link Batched} field at one place: its values for all the sources there loaded in one
	 * batch ({@link #load}), then read by key. A source whose key was not loaded is not plain. The
	 * values are kept by this place's keys (a parent's id), which are read for every row; the
	 * request's registry keeps them by the loader's (a relation's whole key), for its DataLoaders.
	 */
	private static final class Batch implements Getter {

		/** A key loaded whose value is null. */
		private static final Object NULL = new Object();

		private final Batched.At at;

		private final DataLoaders.Loads loads;

		private final Map<Object, Object> loaded = new ConcurrentHashMap<>();

		Batch(Batched.At at, DataLoaders.Loads loads) {
			this.at = at;
			this.loads = loads;
		}

		void load(List<Object> sources) {
			Set<Object> keys = new LinkedHashSet<>();
			for (Object source : sources) {
				Object key = this.at.key(source);
				if (key != null && !this.loaded.containsKey(key)) {
					keys.add(key);
				}
			}
			if (keys.isEmpty()) {
				return;
			}
			Map<?, ?> values = this.at.load(this.loads, keys);
			for (Object key : keys) {
				Object value = values.get(key);
				this.loaded.put(key, (value != null) ? value : NULL);
			}
		}

		@Override
		public Object get(Object source) {
			Object key = this.at.key(source);
			if (key == null) {
				return null;
			}
			Object value = this.loaded.get(key);
			if (value == null) {
				throw PlainFetcher.NotPlain.INSTANCE;
			}
			return (value != NULL) ? value : null;
		}

	}

	/** The accessors of each record class's components, by component name, typed {@code (Object)Object}. */
	private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {

		@Override
		protected Map<String, MethodHandle> computeValue(Class<?> type) {
			if (!type.isRecord()) {
				return Map.of();
			}
			try {
				MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
				Map<String, MethodHandle> accessors = new HashMap<>();
				for (RecordComponent component : type.getRecordComponents()) {
					accessors.put(component.getName(), lookup.unreflect(component.getAccessor())
						.asType(MethodType.methodType(Object.class, Object.class)));
				}
				return accessors;
			}
			catch (IllegalAccessException ex) {
				return Map.of();
			}
		}

	};

	/**
	 * The execution's unboxing of values ({@code Optional} and the like) and what it cannot take. The
	 * default unboxer leaves the values scalars are made of as they are, so these skip both steps.
	 */
	private record Unboxing(ExecutionContext context, boolean unboxesByDefault) {

		Unboxing(ExecutionContext context) {
			this(context, context.getValueUnboxer() == ValueUnboxer.DEFAULT);
		}

		Object plain(Object value) {
			if (this.unboxesByDefault && value != null) {
				Class<?> type = value.getClass();
				if (type == String.class || type == Integer.class || type == BigDecimal.class || type == Long.class
						|| type == Boolean.class) {
					return value;
				}
			}
			Object unboxed = this.context.getValueUnboxer().unbox(value);
			if (unboxed instanceof CompletionStage<?> || unboxed instanceof DataFetcherResult<?>
					|| unboxed instanceof Publisher<?>) {
				throw PlainFetcher.NotPlain.INSTANCE;
			}
			return unboxed;
		}

	}

	/** A place in the document, and whether its batched fields load in batches there. */
	private record Key(GraphQLType type, List<Field> fields, boolean batched) {
	}

	/**
	 * The shapes of one request, for each place in its document: found once, then applied to every
	 * object at that place. {@code NONE} marks places found not plain. A field whose fetcher once
	 * found a value it could not give from the source alone (a key to load) is fetched by graphql-java
	 * for the rest of the request, so that a relation that mostly loads is not tried again for every
	 * row.
	 */
	private final class Shapes {

		private static final Object NONE = new Object();

		final boolean enabled;

		private final ExecutionContext context;

		final Unboxing unboxing;

		private final DataLoaders.Loads loads;

		private final Map<Key, Object> reads = new ConcurrentHashMap<>();

		private final Map<Key, Object> shapes = new ConcurrentHashMap<>();

		private final Set<Key> fetched = ConcurrentHashMap.newKeySet();

		Shapes(ExecutionContext context) {
			this.context = context;
			this.unboxing = new Unboxing(context);
			this.loads = PlainFields.this.loaders.loads(context.getDataLoaderRegistry());
			this.enabled = !context.hasIncrementalSupport() && !context.isSubscriptionOperation()
					&& context.getGraphQLContext().get(ResultNodesInfo.MAX_RESULT_NODES) == null
					&& ignoresPlainFields(context.getInstrumentation());
		}

		/** How a field of an object type is read, or null where it is not plain. */
		Read read(GraphQLObjectType parent, MergedField field) {
			return cached(this.reads, new Key(parent, field.getFields(), false), () -> readOf(parent, field, false));
		}

		/**
		 * How a value of a type completes, or null where it is not plain.
		 * @param root the root field's step, where the value is a root field's: there the fields
		 * within that load in batches are plain (the value holds every row at their places), and an
		 * abstract type is resolved as graphql-java resolves it
		 */
		Shape shape(GraphQLOutputType type, MergedField field, ExecutionStepInfo root) {
			return cached(this.shapes, new Key(type, field.getFields(), root != null),
					() -> shapeOf(type, field, root != null, root));
		}

		/** What was found for a place, found once; {@code NONE} keeps a null (not plain). */
		@SuppressWarnings("unchecked")
		private <T> T cached(Map<Key, Object> cache, Key key, Supplier<T> find) {
			Object value = cache.get(key);
			if (value == null) {
				T found = find.get();
				value = (found != null) ? found : NONE;
				cache.putIfAbsent(key, value);
			}
			return (value != NONE) ? (T) value : null;
		}

		/** Fetches this field through graphql-java from now on, and forgets the shapes that read it. */
		private void demote(Key key) {
			this.fetched.add(key);
			this.reads.clear();
			this.shapes.clear();
		}

		private Read readOf(GraphQLObjectType parent, MergedField field, boolean batched) {
			Key key = new Key(parent, field.getFields(), batched);
			if (this.fetched.contains(key)) {
				return null;
			}
			for (Field node : field.getFields()) {
				for (Directive directive : node.getDirectives()) {
					if (!CONDITIONS.contains(directive.getName())) {
						return null;
					}
				}
			}
			String name = field.getName();
			if (name.equals("__typename")) {
				String typeName = parent.getName();
				return new Read((source) -> typeName, scalar(Scalars.GraphQLString), this.unboxing, () -> {
				});
			}
			GraphQLFieldDefinition definition = parent.getFieldDefinition(name);
			if (definition == null || name.startsWith("__")) {
				return null;
			}
			Getter getter = getter(parent, definition, field, batched);
			Shape shape = (getter != null) ? shapeOf(definition.getType(), field, batched, null) : null;
			return (shape != null) ? new Read(getter, shape, this.unboxing, () -> demote(key)) : null;
		}

		private Getter getter(GraphQLObjectType parent, GraphQLFieldDefinition definition, MergedField field,
				boolean batched) {
			DataFetcher<?> fetcher = this.context.getGraphQLSchema().getCodeRegistry().getDataFetcher(parent, definition);
			if (batched && fetcher instanceof Batched batch) {
				try {
					return new Batch(batch.at(arguments(definition, field), field.getFields(),
							this.context.getFragmentsByName()), this.loads);
				}
				catch (BindException | RuntimeException ex) {
					// arguments at fault (a cursor that is not one): graphql-java fetches the field, and reports it
					return null;
				}
			}
			if (fetcher instanceof PlainFetcher<?> plain) {
				Function<Object, ?> bound = plain.at(arguments(definition, field));
				return bound::apply;
			}
			if (fetcher instanceof SingletonPropertyDataFetcher<?> property) {
				return new Property(definition.getName(), definition, property);
			}
			if (fetcher instanceof PropertyDataFetcher<?> property) {
				return new Property(property.getPropertyName(), definition, property);
			}
			return null;
		}

		/** A field's arguments at its place, defaults applied, as graphql-java gives them to its fetcher. */
		private Map<String, Object> arguments(GraphQLFieldDefinition definition, MergedField field) {
			return definition.getArguments().isEmpty() ? Map.of()
					: ValuesResolver.getArgumentValues(this.context.getGraphQLSchema().getCodeRegistry(),
							definition.getArguments(), field.getSingleField().getArguments(),
							this.context.getCoercedVariables(), this.context.getGraphQLContext(), this.context.getLocale());
		}

		/** @param root the root field's step, where the type is (within) a root field's */
		private Shape shapeOf(GraphQLType type, MergedField field, boolean batched, ExecutionStepInfo root) {
			if (type instanceof GraphQLNonNull nonNull) {
				Shape inner = shapeOf(nonNull.getWrappedType(), field, batched, root);
				return (inner != null) ? new NonNull(type, inner) : null;
			}
			if (type instanceof GraphQLList list) {
				Shape item = shapeOf(list.getWrappedType(), field, batched, root);
				return (item != null) ? new ListOf(type, item, this.unboxing) : null;
			}
			if (type instanceof GraphQLScalarType scalar) {
				return scalar(scalar);
			}
			if (type instanceof GraphQLEnumType enumType) {
				return enumOf(enumType);
			}
			if (type instanceof GraphQLObjectType object) {
				return objectOf(object, field, batched);
			}
			if (root != null && (type instanceof GraphQLInterfaceType || type instanceof GraphQLUnionType)) {
				return new Abstract((GraphQLOutputType) type, field, root);
			}
			return null;
		}

		private Shape objectOf(GraphQLObjectType type, MergedField field, boolean batched) {
			FieldCollectorParameters collecting = FieldCollectorParameters.newParameters()
				.schema(this.context.getGraphQLSchema())
				.objectType(type)
				.fragments(this.context.getFragmentsByName())
				.variables(this.context.getCoercedVariables().toMap())
				.graphQLContext(this.context.getGraphQLContext())
				.build();
			MergedSelectionSet selected = PlainFields.this.fieldCollector.collectFields(collecting, field, false);
			List<String> keys = selected.getKeys();
			Read[] reads = new Read[keys.size()];
			for (int i = 0; i < reads.length; i++) {
				reads[i] = readOf(type, selected.getSubField(keys.get(i)), batched);
				if (reads[i] == null) {
					return null;
				}
			}
			ResponseMapFactory factory = this.context.getResponseMapFactory();
			return new ObjectOf(type, keys, (factory == ResponseMapFactory.DEFAULT) ? new ResultObject.Names(keys) : null,
					reads, factory, Arrays.stream(reads).anyMatch(Read::batches));
		}

		/**
		 * A root field's value of an interface or a union: each value of the object type graphql-java
		 * resolves it to (given the root field's step), completed as a value of that type.
		 */
		private final class Abstract implements Shape {

			private final GraphQLOutputType type;

			private final MergedField field;

			private final ExecutionStepInfo root;

			Abstract(GraphQLOutputType type, MergedField field, ExecutionStepInfo root) {
				this.type = type;
				this.field = field;
				this.root = root;
			}

			@Override
			public GraphQLType type() {
				return this.type;
			}

			private Shape of(Object value) {
				GraphQLObjectType resolved = PlainFields.this.types.resolveType(Shapes.this.context, this.field, value,
						this.root, this.type, null);
				Shape shape = shape(resolved, this.field, this.root);
				if (shape == null) {
					throw PlainFetcher.NotPlain.INSTANCE;
				}
				return shape;
			}

			@Override
			public boolean batches() {
				return true;
			}

			@Override
			public void prefetch(List<Object> values) {
				Map<Shape, List<Object>> byShape = new LinkedHashMap<>();
				values.forEach((value) -> byShape.computeIfAbsent(of(value), (shape) -> new ArrayList<>()).add(value));
				byShape.forEach((shape, ofShape) -> {
					if (shape.batches()) {
						shape.prefetch(ofShape);
					}
				});
			}

			@Override
			public Object complete(Object value) {
				return (value != null) ? of(value).complete(value) : null;
			}

		}

		/** A scalar serialized by its coercing. */
		private Shape scalar(GraphQLScalarType scalar) {
			return new Leaf(scalar, (value) -> scalar.getCoercing()
				.serialize(value, this.context.getGraphQLContext(), this.context.getLocale()));
		}

		/** An enum serialized by its type. */
		private Shape enumOf(GraphQLEnumType type) {
			return new Leaf(type, (value) -> type.serialize(value, this.context.getGraphQLContext(), this.context.getLocale()));
		}

	}

	/** A scalar or an enum: a value serialized, null as null. */
	private record Leaf(GraphQLType type, UnaryOperator<Object> serialize) implements Shape {

		@Override
		public Object complete(Object value) {
			return (value != null) ? this.serialize.apply(value) : null;
		}

	}

	private record NonNull(GraphQLType type, Shape inner) implements Shape {

		@Override
		public boolean batches() {
			return this.inner.batches();
		}

		@Override
		public void prefetch(List<Object> values) {
			this.inner.prefetch(values);
		}

		@Override
		public Object complete(Object value) {
			Object completed = this.inner.complete(value);
			if (completed == null) {
				throw PlainFetcher.NotPlain.INSTANCE;
			}
			return completed;
		}

	}

	private record ListOf(GraphQLType type, Shape item, Unboxing unboxing) implements Shape {

		@Override
		public boolean batches() {
			return this.item.batches();
		}

		/** The items of all the lists, prefetched together. */
		@Override
		public void prefetch(List<Object> values) {
			List<Object> items = new ArrayList<>();
			for (Object value : values) {
				if (!(value instanceof Iterable<?> all)) {
					throw PlainFetcher.NotPlain.INSTANCE;
				}
				for (Object item : all) {
					Object plain = this.unboxing.plain(item);
					if (plain != null) {
						items.add(plain);
					}
				}
			}
			this.item.prefetch(items);
		}

		@Override
		public Object complete(Object value) {
			if (value == null) {
				return null;
			}
			if (!(value instanceof Iterable<?> items)) {
				throw PlainFetcher.NotPlain.INSTANCE;
			}
			List<Object> completed = (items instanceof Collection<?> all) ? new ArrayList<>(all.size())
					: new ArrayList<>();
			for (Object item : items) {
				completed.add(this.item.complete(this.unboxing.plain(item)));
			}
			return completed;
		}

	}

	/**
	 * An object: its fields read in order, into a {@link ResultObject} where the execution makes its
	 * maps with graphql-java's default factory, else into one of the factory's maps.
	 */
	private record ObjectOf(GraphQLObjectType type, List<String> keys, ResultObject.Names names, Read[] reads,
			ResponseMapFactory factory, boolean batches) implements Shape {

		@Override
		public void prefetch(List<Object> values) {
			for (Read read : this.reads) {
				if (read.batches()) {
					read.prefetch(values);
				}
			}
		}

		@Override
		public Object complete(Object value) {
			if (value == null) {
				return null;
			}
			Object[] values = new Object[this.reads.length];
			for (int i = 0; i < values.length; i++) {
				values[i] = this.reads[i].from(value);
			}
			return (this.names != null) ? new ResultObject(this.names, values)
					: this.factory.createInsertionOrdered(this.keys, Arrays.asList(values));
		}

	}

}
