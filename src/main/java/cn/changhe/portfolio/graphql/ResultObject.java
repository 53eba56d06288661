package cn.changhe.portfolio.graphql;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * An object of a response as {@link PlainFields} completes it: its values in the order of its
 * field names, which every object at one place of the document shares. It is an immutable map in
 * that order, as graphql-java's own are, without a hash table per object; {@link ResultJson} writes
 * it from its two arrays, with names encoded once per place.
 */
final class ResultObject extends AbstractMap<String, Object> {

	private final Names names;

	private final Object[] values;

	ResultObject(Names names, Object[] values) {
		this.names = names;
		this.values = values;
	}

	Names names() {
		return this.names;
	}

	Object value(int index) {
		return this.values[index];
	}

	@Override
	public int size() {
		return this.values.length;
	}

	@Override
	public boolean containsKey(Object key) {
		return this.names.indexOf(key) >= 0;
	}

	@Override
	public Object get(Object key) {
		int index = this.names.indexOf(key);
		return (index >= 0) ? this.values[index] : null;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public int size() {
				return ResultObject.this.values.length;
			}

			@Override
			public Iterator<Entry<String, Object>> iterator() {
				return new Iterator<>() {

					private int next;

					@Override
					public boolean hasNext() {
						return this.next < ResultObject.this.values.length;
					}

					@Override
					public Entry<String, Object> next() {
						if (!hasNext()) {
							throw new NoSuchElementException();
						}
						int index = this.next++;
						return new SimpleImmutableEntry<>(ResultObject.this.names.keys[index],
								ResultObject.this.values[index]);
					}

				};
			}

		};
	}

	/** The field names (response keys) of the objects at one place, and their JSON, encoded once. */
	static final class Names {

		private final String[] keys;

		private final SerializableString[] json;

		Names(List<String> keys) {
			this.keys = keys.toArray(String[]::new);
			this.json = new SerializableString[this.keys.length];
			for (int i = 0; i < this.keys.length; i++) {
				this.json[i] = new SerializedString(this.keys[i]);
			}
		}

		int size() {
			return this.keys.length;
		}

		SerializableString json(int index) {
			return this.json[index];
		}

		private int indexOf(Object key) {
			for (int i = 0; i < this.keys.length; i++) {
				if (this.keys[i].equals(key)) {
					return i;
				}
			}
			return -1;
		}

	}

}
