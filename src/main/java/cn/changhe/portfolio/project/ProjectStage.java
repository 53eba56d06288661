package cn.changhe.portfolio.project;

/**
 * The stages of a project's life, in the order they are reached: 签约 → 备案 → 开工 → 竣工 → 投产 → 上规.
 */
public enum ProjectStage {

	SIGNED, REGISTERED, STARTED, COMPLETED, IN_PRODUCTION, ABOVE_SIZE

}
