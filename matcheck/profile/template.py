"""The commented profile template written by ``matcheck init`` (contracts.md §1; comments in Chinese).

The template must load back cleanly through :func:`matcheck.profile.load_profile` (tests/profile/test_template.py),
so every example value in it is valid: a synthetic person with checksummed ID numbers and credit code.
"""

HEADER = """\
# 《上海市居住证》积分 申请人资料（matcheck profile）
# 填写说明：
#   - 日期写 YYYY-MM-DD，月份写 YYYY-MM；月份区间首尾都包含。
#   - 不确定的事实写 待核实：依赖它的分值和材料会标为“暂定”。
#   - 不申报的项目直接删除整行（或留空列表 []）：删除表示“不申报”。
#   - 键名用英文，不要改动；拼错的键会报错并提示正确写法。
#   - 以下示例均为虚构人物，请全部替换为申请人的真实信息。
#   运行：matcheck score profile.yaml（积分） / matcheck checklist profile.yaml（材料清单）

"""

BODY = """\
as_of: 2026-11-20            # 评估日期（申请日期）；不写则为今天
policy: auto                 # 政策版本：auto（按日期选择） | 2013 | 2018 | 2023

applicant:                   # 申请人（持证人）
  name: 李明
  id_number: "320102199203154514"     # 18位身份证号码（加引号）；出生日期和性别由此得出
  ethnicity: 汉
  phone: "13800000000"
  hukou_address: 江苏省南京市玄武区示例路1号   # 户籍地址，须与身份证一致
  shanghai_address: 上海市浦东新区示例路2弄3号  # 在本市居住地址
  residence_permit:          # 《上海市居住证》
    number: "310000000000000001"
    issued: 2024-03-01       # 签发日期
    expires: 2027-02-28      # 有效期至
  account_created: 2024-03-08   # 单位为申请人建立积分账户的日期（可不填）

employer:                    # 用人单位
  name: 上海示例信息科技有限公司
  credit_code: "91310115MA1H7ABC1A"   # 统一社会信用代码（18位）
  district: 浦东新区
  registered_in_shanghai: true         # 外省市企业在沪分支机构填 false（不能申请）

contract:                    # 劳动（聘用）合同：期限须满1年
  start: 2022-07-01
  end: 2027-06-30            # 无固定期限合同：删除此行，写 open_ended: true
  post: 软件工程师            # 现从事岗位
  dispatched: false          # 劳务派遣填 true（另需派遣协议）

work_history:                # 申领人简历：从毕业学校之后的第一份工作写起，至今
  - {from: 2014-07, to: 2022-06, province: 江苏, unit: 南京示例软件有限公司, post: 程序员}
  - {from: 2022-07, to: 至今, province: 上海, unit: 上海示例信息科技有限公司, post: 软件工程师}

education:                   # 学历：从高中（中专、职高、技校）写起，每段一条
  - {level: 高中, school: 南京市示例中学, province: 江苏, mode: 全日制, start: 2007-09, end: 2010-06}
  - level: 本科              # 高中 | 中专 | 大专 | 本科 | 硕士 | 博士
    degree: 学士             # 学位：学士 | 硕士 | 博士 | none（无学位）
    school: 南京示例大学
    province: 江苏           # 学校所在省份（国外留学：写 mode: 国外 和 country: 英国，或 province: 国外/境外/国家名）
    mode: 全日制             # 全日制 | 自考 | 成人 | 网络 | 函授 | 业余 | 国外
    start: 2010-09
    end: 2014-06
    major: 计算机科学与技术
    major_code: "080901"
    shortage_major: false    # 是否属于本市紧缺急需专业目录（仅全日制大专可加30分）

qualifications: []           # 职称 / 技能等级 / 职业资格；没有则保留 []。示例：
#  - kind: 职称               # 职称 | 技能 | 职业资格
#    level: 中级              # 职称/职业资格：初级 | 中级 | 高级；技能：五级 | 四级 | 三级 | 二级 | 一级
#    name: 工程师
#    obtained: 2021-12-15
#    obtained_in_shanghai: true   # 评审取得的职称、技能证书须在本市工作期间取得
#    by_exam: false               # 统一考试取得的填 true
#    appointed: true              # 现单位出具聘书
#    matches_post: true           # 证书专业与现岗位相符

social_insurance:            # 本市城镇职工社会保险缴费记录（月份区间，含首尾）
  - from: 2022-07
    to: 至今
    unit: 上海示例信息科技有限公司   # 缴费单位，须与劳动合同单位一致
    base_multiple: 1.2       # 缴费基数 ÷ 当年社平；或写 base: 12000（元/月，按社保记录；社平未公布的年份暂按上一年折算）
    backpaid: false          # 补缴的月份填 true（不计分）

tax:
  withholding_unit: 上海示例信息科技有限公司   # 个税扣缴单位

spouse:                      # 配偶；未婚则删除整段
  name: 王芳
  id_number: "310115199304052824"
  shanghai_hukou: true       # 配偶是否本市户籍
  hukou_since: 1993-04-05    # 配偶取得本市户籍的日期
  married: 2018-05-20        # 结婚登记日期

children:                    # 子女；没有则写 []
  - {name: 李小明, id_number: "310115201906011237", lives_with_applicant: true, enjoys_benefits: true}

"""

# The claims no document in a folder can show (matcheck init --from-documents writes these commented out).
CLAIMS_NOT_IN_DOCUMENTS = """\
bonus:                       # 加分项目；不申报的保持 false / [] / null
  fresh_graduate: false      # 全日制应届高校毕业生
  awards: []                 # 表彰奖励，例：[{level: 市级综合, name: 某某奖, date: 2025-05-01, in_shanghai: true}]
  investment: null           # 投资纳税或带动就业，例：{route: tax, average_annual_tax: 300000, share: 0.5}
  special_posts: []          # 特定公共服务领域 / 远郊重点区域，例：[{kind: 远郊重点区域, area: 临港, from: 2019-07, to: 至今, lives_there: true}]
  entrepreneur: false        # 创业人才（经认定）
  intermediary: false        # 创新创业中介服务人才（经认定）

records:                     # 减分与一票否决（如实填写日期）
  false_materials: []        # 提供虚假材料的日期（3年内每次扣150分）
  detentions: []             # 行政拘留的日期（5年内每次扣50分）
  criminal: []               # 一般刑事犯罪的日期（5年内每次扣150分）
  serious_criminal: false    # 严重刑事犯罪（一票否决）
  family_planning_violation: false   # 违反计划生育政策（一票否决）
"""

TEMPLATE = HEADER + BODY + CLAIMS_NOT_IN_DOCUMENTS

