package cn.changhe.portfolio.enterprise;

/**
 * National high-tech enterprise (国家高新技术企业), national tech SME (国家科技型中小企业), above
 * designated size (规上).
 */
public enum Qualification {

	HIGH_TECH, TECH_SME, ABOVE_SIZE

}
