package cn.changhe.portfolio.write;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a write's record that holds the key of another type's row: the audit trail names
 * it by its global id ({@code sectorId: "U2VjdG9yOjM"}), as clients know it, not by the key.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Refers {

	/** The type of the row referred to, as global ids name it ({@code Sector}). */
	String value();

}
