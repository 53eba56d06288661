package cn.changhe.portfolio.graphql;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The JSON of the GraphQL endpoint, given to its handler as its one converter, so that a request
 * does not look its converter up among all of Spring MVC's, in and out.
 *
 * <p>Requests are read as Jackson reads them everywhere else, but strictly (see {@link #strict}). A response (a map of maps, lists,
 * strings, numbers and booleans: what graphql-java's scalars give) is written by walking it and
 * writing each value with the matching generator call, where Jackson would look a serializer up
 * for each value by its class; anything else goes to Jackson. The output is the same: the same
 * generator, configured by the same mapper, writes every value. A response is written whole
 * before it is sent, so that it goes out with its {@code Content-Length} rather than in chunks (the
 * query limits bound its size).
 */
class ResultJson extends JacksonJsonHttpMessageConverter {

	ResultJson(JsonMapper mapper) {
		super(strict(mapper));
		// application/graphql is a body of JSON too, sent by older clients
		setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
				new MediaType("application", "graphql")));
	}

	/**
	 * The mapper, except that a number or a boolean is not read as a string: {@code "query": 0} is a
	 * request at fault (400), not the document "0"; and that a number with a fraction or an exponent
	 * is read as the decimal it is written as ({@code BigDecimal}), not rounded to a double, so that
	 * an amount in the variables keeps every fen, and one out of range is refused, not rounded to 0
	 * or infinity.
	 */
	private static JsonMapper strict(JsonMapper mapper) {
		return mapper.rebuild()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.withCoercionConfig(LogicalType.Textual, (config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.build();
	}

	@Override
	protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output,
			Map<String, Object> hints) throws IOException, HttpMessageNotWritableException {
		if (!(object instanceof Map<?, ?> result)) {
			super.writeInternal(object, type, output, hints);
			return;
		}
		Body body = new Body();
		try (JsonGenerator generator = getMapper().createGenerator(body, getJsonEncoding(output.getHeaders().getContentType()))) {
			writeMap(generator, result, new HashMap<>());
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotWritableException("Could not write JSON: " + ex.getOriginalMessage(), ex);
		}
		output.getHeaders().setContentLength(body.size());
		body.writeTo(output.getBody());
	}

	/**
	 * A response's bytes, kept in the pieces the generator flushes (its buffer at a time), so that a
	 * long response is not copied again each time a single array would have to grow.
	 */
	private static final class Body extends OutputStream {

		private final List<byte[]> pieces = new ArrayList<>();

		private int size;

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.pieces.add(Arrays.copyOfRange(bytes, offset, offset + length));
			this.size += length;
		}

		int size() {
			return this.size;
		}

		void writeTo(OutputStream out) throws IOException {
			for (byte[] piece : this.pieces) {
				out.write(piece);
			}
		}

	}

	/**
	 * Writes a map. Its keys (field names and aliases, the same few repeated in every object of a
	 * list) are each encoded once per response and then copied as bytes.
	 */
	private void writeMap(JsonGenerator generator, Map<?, ?> map, Map<String, SerializableString> names) {
		generator.writeStartObject();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			generator.writeName(names.computeIfAbsent(String.valueOf(entry.getKey()), SerializedString::new));
			write(generator, entry.getValue(), names);
		}
		generator.writeEndObject();
	}

	/** Writes an object completed by {@link PlainFields}, whose names come encoded. */
	private void writeObject(JsonGenerator generator, ResultObject object, Map<String, SerializableString> names) {
		generator.writeStartObject();
		ResultObject.Names keys = object.names();
		for (int i = 0; i < keys.size(); i++) {
			generator.writeName(keys.json(i));
			write(generator, object.value(i), names);
		}
		generator.writeEndObject();
	}

	private void write(JsonGenerator generator, Object value, Map<String, SerializableString> names) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String string) {
			generator.writeString(string);
		}
		else if (value instanceof ResultObject object) {
			writeObject(generator, object, names);
		}
		else if (value instanceof Map<?, ?> map) {
			writeMap(generator, map, names);
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray();
			for (Object element : list) {
				write(generator, element, names);
			}
			generator.writeEndArray();
		}
		else if (value instanceof Integer number) {
			generator.writeNumber(number.intValue());
		}
		else if (value instanceof Long number) {
			generator.writeNumber(number.longValue());
		}
		else if (value instanceof BigDecimal number) {
			generator.writeNumber(number);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else {
			getMapper().writeValue(generator, value);
		}
	}

}
