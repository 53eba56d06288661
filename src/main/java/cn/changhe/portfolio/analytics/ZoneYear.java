package cn.changhe.portfolio.analytics;

/**
 * The zone in one year; its fields are resolved as they are asked for.
 */
record ZoneYear(int year) {
}
