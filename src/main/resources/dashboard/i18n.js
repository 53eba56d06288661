// The dashboard's words, in Chinese (the default) and English. Names of the zone's records come
// from the API in both (name, nameEn); these are the words around them.

const WORDS = {
  zh: {
    skip: '跳到正文', brand: '长三角（湖州）产业合作区 · 投资与基金', token: '访问令牌', signIn: '登录', signOut: '退出',
    footer: '数据来自长合区的台账与 2024 年度报告；金额精确到分。',
    overview: '总览', investment: '投资', funds: '基金', projects: '项目', enterprises: '企业', talent: '人才',
    loading: '加载中…', retryIn: (s) => `请求超出预算，请 ${s} 秒后重试。`, retry: '重试',
    busy: (s) => `服务正忙，请 ${s} 秒后重试。`,
    unauthorized: '令牌无效或已撤销，请重新登录。', forbidden: '当前身份无权查看此内容。', failed: '加载失败：',
    unavailable: (s) => `服务暂时不可用，请 ${s} 秒后重试。`, notFound: '未找到该记录。',
    signedInAs: (name, role) => `${name}（${role}）`,
    reported: '年度指标', targets: '目标与进度', year: '年份', noIndicators: '该年份暂无指标。',
    target: '目标', actual: '实际', progress: '进度', method: '口径', yoy: '同比',
    headline: '主要指标', clearance: '“五未”项目清零', listed: '列入', cleared: '清零', clearanceRate: '清零率',
    publicNote: '登录后可查看投资、基金、项目、企业与人才。',
    unit: '单位', yuan: '元', wan: '万元', yi: '亿元', from: '起始年', to: '截止年',
    bySectorYear: '按产业与年份', byKindYear: '按投资类型与年份', byFund: '按基金（基金股权投资）',
    sector: '产业', kind: '类型', fund: '基金', currency: '币种', count: '笔数', total: '金额', none: '（未归属）',
    exportCsv: '导出 CSV', exportXlsx: '导出 Excel', table: '数据表',
    size: '规模', committed: '认缴', called: '实缴', uncalled: '未缴', invested: '已投', portfolio: '被投企业数',
    manager: '管理人', vintage: '设立年份', investors: '出资人', investor: '出资人', latestInvestments: '主要投资',
    enterprise: '企业', amount: '金额', partnersTotal: '出资人认缴合计',
    pipeline: '项目储备：阶段 × 规模', pipelineByYear: '按年份达到阶段', reachedStage: '阶段', stage: '阶段', sizeBand: '规模档',
    stalled: '“五未”清单', listedOn: '列入日期', category: '类别', search: '搜索', name: '名称', allStages: '全部阶段',
    previous: '上一页', next: '下一页', totalCountOf: (n) => `共 ${n} 条`, milestones: '节点', ledger: '投资台账',
    audit: '审计记录', action: '操作', actor: '操作者', at: '时间', changes: '变更', date: '日期',
    particulars: '基本信息', totalInvestment: '总投资', foreignInvestment: '外资', landArea: '用地（亩）', provincialMajor: '省重大项目',
    yes: '是', no: '否', stalls: '“五未”记录', clearedOn: '清零日期', uscc: '统一社会信用代码', established: '成立日期',
    qualifications: '资质', awards: '荣誉', qualification: '资质', grade: '等级', investmentsReceived: '获得投资',
    programmes: '人才计划', level: '级别', title: '项目/方向', person: '人选', grant: '资助', awardsCount: (n) => `${n} 项`,
    back: '返回',
  },
  en: {
    skip: 'Skip to content', brand: 'Yangtze Delta (Huzhou) Industrial Cooperation Zone · Investment & Funds', token: 'Access token',
    signIn: 'Sign in', signOut: 'Sign out',
    footer: "Figures from the zone's ledger and its 2024 report; amounts exact to the fen.",
    overview: 'Overview', investment: 'Investment', funds: 'Funds', projects: 'Projects', enterprises: 'Enterprises', talent: 'Talent',
    loading: 'Loading…', retryIn: (s) => `Over budget: try again in ${s} s.`, retry: 'Retry',
    busy: (s) => `The service is busy: try again in ${s} s.`,
    unauthorized: 'The token is not valid or was revoked: sign in again.', forbidden: 'Your role may not see this.',
    failed: 'Could not load: ', unavailable: (s) => `The service is unavailable: try again in ${s} s.`, notFound: 'No such record.',
    signedInAs: (name, role) => `${name} (${role})`,
    reported: 'Indicators of the year', targets: 'Targets and progress', year: 'Year', noIndicators: 'No indicators for that year.',
    target: 'Target', actual: 'Actual', progress: 'Progress', method: 'Method', yoy: 'YoY',
    headline: 'Headline figures', clearance: '五未 (stalled projects) clearance', listed: 'Listed', cleared: 'Cleared', clearanceRate: 'Clearance rate',
    publicNote: 'Sign in for investment, funds, projects, enterprises and talent.',
    unit: 'Unit', yuan: 'CNY', wan: '10k CNY (万元)', yi: '100m CNY (亿元)', from: 'From', to: 'To',
    bySectorYear: 'By sector and year', byKindYear: 'By kind and year', byFund: 'By fund (fund equity)',
    sector: 'Sector', kind: 'Kind', fund: 'Fund', currency: 'Currency', count: 'Rows', total: 'Amount', none: '(none)',
    exportCsv: 'Export CSV', exportXlsx: 'Export Excel', table: 'Table',
    size: 'Size', committed: 'Committed', called: 'Called', uncalled: 'Uncalled', invested: 'Invested', portfolio: 'Portfolio enterprises',
    manager: 'Manager', vintage: 'Vintage', investors: 'Investors', investor: 'Investor', latestInvestments: 'Largest investments',
    enterprise: 'Enterprise', amount: 'Amount', partnersTotal: 'Committed by partners',
    pipeline: 'Pipeline: stage × size band', pipelineByYear: 'Reaching a stage, by year', reachedStage: 'Stage', stage: 'Stage', sizeBand: 'Size band',
    stalled: '五未 list (stalled projects)', listedOn: 'Listed on', category: 'Category', search: 'Search', name: 'Name', allStages: 'All stages',
    previous: 'Previous', next: 'Next', totalCountOf: (n) => `${n} in all`, milestones: 'Milestones', ledger: 'Ledger',
    audit: 'Audit trail', action: 'Action', actor: 'Actor', at: 'At', changes: 'Changes', date: 'Date',
    particulars: 'Particulars', totalInvestment: 'Total investment', foreignInvestment: 'Foreign investment', landArea: 'Land (亩)',
    provincialMajor: 'Provincial major project', yes: 'Yes', no: 'No', stalls: '五未 listings', clearedOn: 'Cleared on', uscc: 'USCC',
    established: 'Established', qualifications: 'Qualifications', awards: 'Awards', qualification: 'Qualification', grade: 'Grade',
    investmentsReceived: 'Investments received', programmes: 'Talent programmes', level: 'Level', title: 'Title', person: 'Person',
    grant: 'Grant', awardsCount: (n) => `${n} awards`, back: 'Back',
  },
};

const ENUMS = {
  zh: {
    SIGNED: '签约', REGISTERED: '落地', STARTED: '开工', COMPLETED: '竣工', IN_PRODUCTION: '投产', ABOVE_SIZE: '达规',
    FIXED_ASSET: '固定资产投资', FUND_EQUITY: '基金股权投资', FOREIGN_DIRECT: '外商直接投资', LOAN: '贷款',
    SIGNED_NOT_LANDED: '签而未落', LANDED_NOT_STARTED: '落而未开', STARTED_NOT_COMPLETED: '开而未竣',
    COMPLETED_NOT_PRODUCING: '竣而未投', PRODUCING_BELOW_CAPACITY: '投而未达',
    UNDER_3_YI: '3亿元以下', OVER_3_YI: '3–10亿元', OVER_10_YI: '10–50亿元', OVER_50_YI: '50亿元以上',
    NATIONAL: '国家级', PROVINCIAL: '省级', MUNICIPAL: '市级', ZONE: '合作区级',
    HIGH_TECH: '国家高新技术企业', TECH_SME: '科技型中小企业', SPECIAL: '特等奖', FIRST: '一等奖', SECOND: '二等奖', THIRD: '三等奖',
    ADMIN: '管理员', EDITOR: '编辑', ANALYST: '分析', PARTNER: '合作方',
    ESTIMATED: '预计', MORE_THAN: '超过', AT_LEAST: '至少',
  },
  en: {
    SIGNED: 'Signed', REGISTERED: 'Registered', STARTED: 'Started', COMPLETED: 'Completed', IN_PRODUCTION: 'In production',
    ABOVE_SIZE: 'Above size', FIXED_ASSET: 'Fixed assets', FUND_EQUITY: 'Fund equity', FOREIGN_DIRECT: 'Foreign direct',
    LOAN: 'Loan', SIGNED_NOT_LANDED: 'Signed, not landed', LANDED_NOT_STARTED: 'Landed, not started',
    STARTED_NOT_COMPLETED: 'Started, not completed', COMPLETED_NOT_PRODUCING: 'Completed, not producing',
    PRODUCING_BELOW_CAPACITY: 'Producing below capacity', UNDER_3_YI: 'Under 3亿', OVER_3_YI: '3–10亿',
    OVER_10_YI: '10–50亿', OVER_50_YI: '50亿 and over', NATIONAL: 'National', PROVINCIAL: 'Provincial',
    MUNICIPAL: 'Municipal', ZONE: 'Zone', HIGH_TECH: 'High-tech enterprise', TECH_SME: 'Tech SME', SPECIAL: 'Special prize',
    FIRST: 'First prize', SECOND: 'Second prize', THIRD: 'Third prize', ADMIN: 'admin', EDITOR: 'editor', ANALYST: 'analyst', PARTNER: 'partner',
    ESTIMATED: 'estimated', MORE_THAN: 'more than', AT_LEAST: 'at least',
  },
};

let language = sessionStorage.getItem('zone.lang') === 'en' ? 'en' : 'zh';

export function lang() {
  return language;
}

export function setLang(next) {
  language = next;
  sessionStorage.setItem('zone.lang', next);
  document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
}

/** A word of the page, or a function of its values. */
export function t(key, ...values) {
  const word = WORDS[language][key] ?? WORDS.zh[key] ?? key;
  return typeof word === 'function' ? word(...values) : word;
}

/** An enum value of the schema, in words. */
export function e(value) {
  return value ? (ENUMS[language][value] ?? value) : '';
}

/** A record's name in the language shown: the English one where it has one. */
export function nm(record) {
  if (!record) {
    return t('none');
  }
  return (language === 'en' && record.nameEn) ? record.nameEn : record.name;
}
