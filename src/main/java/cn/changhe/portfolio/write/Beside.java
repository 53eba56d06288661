package cn.changhe.portfolio.write;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of a write's record kept beside the row, in a table of its own (a fund's focus
 * sectors): audited with the row, read by the table's {@link Table.Completion}, written by the
 * mutation; not a column of the row.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Beside {

}
