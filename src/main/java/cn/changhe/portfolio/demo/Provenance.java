package cn.changhe.portfolio.demo;

/**
 * Where a demo row comes from: the zone's report, or made up so that the dataset is whole.
 */
enum Provenance {

	REPORTED, ILLUSTRATIVE;

	/** The one source of every REPORTED row. */
	static final String REPORT = "长合区2024年工作总结及2025年工作思路（逐绿向新 扬帆奋进）";

	String source() {
		return (this == REPORTED) ? REPORT : null;
	}

}
