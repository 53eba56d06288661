package cn.changhe.portfolio.project;

/**
 * The five 五未 categories: 签约未落地, 落地未开工, 开工未竣工, 竣工未投产, 投产未达产.
 */
public enum StallCategory {

	SIGNED_NOT_LANDED, LANDED_NOT_STARTED, STARTED_NOT_COMPLETED, COMPLETED_NOT_PRODUCING, PRODUCING_BELOW_CAPACITY

}
