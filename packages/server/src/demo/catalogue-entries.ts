// 示范市 2026 医保目录: the demo region's catalogue (issue 12 §6) — a few hundred drugs, service
// items and materials of community and hospital care, with national-style codes (drugs X…/Z…
// 西药/中成药 with their ATC group, 9-digit 医疗服务项目 codes, HC…/C… materials), classes, Class B
// ratios, payment limits, price standards by level (interventional and surgical items stepping
// down 10 % per level) and restricted scopes. It holds every code that
// ../shared/SUPERVISION_RULES.md names and every code the demo visits and registry use
// (demo/catalogue.ts, demo/registry.ts); price standards and limits sit at or above the demo's
// price ranges, so in-catalogue demo lines settle as before.
//
// Loaded by seed.ts through loadDemoCatalogue (demo/catalogue-seed.ts) before the registry
// and the visits — one catalogue version DEMO-2026 — then give the demo community centres their
// approved service items (demoApprovedServices) and stock lists from these codes. Items the demo
// bills at every level (CT, anaesthesia, cholecystectomy) hold one price for all levels, at the top
// of the demo's price range, so the demo's amounts do not move; the other surgical items show the
// step-down.
//
// One conflict to settle when wiring: demo/catalogue.ts bills 311201001 as 康复治疗, while
// SUPERVISION_RULES.md's list SEX names 311201001 宫颈细胞学检查 (female only). The rules win here;
// the demo's 康复治疗 should move to 340200015 运动疗法 (held below).
import type { CatalogueEntryInput } from '../catalogue/types.js';

type Cls = 'A' | 'B' | 'self';

interface DrugExtra {
  ratio?: number; // Class B self-pay ratio (0–1); absent = the policy default
  vbp?: boolean; // 集采
  fixed?: boolean; // 定额标准自负
  scope?: string; // 限定支付范围
  generic?: string;
}

/** [code, name, class, dosage form, payment limit (yuan, per unit billed) or null, extras]. */
type DrugRow = readonly [string, string, Cls, string, number | null, DrugExtra?];

const SCOPE_DIABETES = '限二甲双胍等口服降糖药不能有效控制血糖的2型糖尿病患者';
const SCOPE_SECOND_LEVEL = '限二级及以上医疗机构使用';
const SCOPE_SEVERE_INFECTION = '限多重耐药菌重症感染，二级及以上医疗机构';
const SCOPE_LYMPHOMA = '限CD20阳性弥漫大B细胞性非霍奇金淋巴瘤等，二级及以上医疗机构';

const DRUGS: readonly DrugRow[] = [
  // — the demo's own (demo/catalogue.ts, demo/registry.ts) —
  ['XJ01CAA040A', '阿莫西林胶囊', 'A', '胶囊剂', 30, { vbp: true, generic: '阿莫西林' }],
  ['XA10BAA042A', '二甲双胍片', 'A', '片剂', 20, { vbp: true, generic: '盐酸二甲双胍' }],
  ['XA10BAA199A001010101445', '二甲双胍片', 'A', '片剂', 20, { vbp: true, generic: '盐酸二甲双胍' }],
  ['XC08CAA035A', '苯磺酸氨氯地平片', 'A', '片剂', 30, { vbp: true, generic: '苯磺酸氨氯地平' }],
  ['XC08CAA047A001010100709', '氨氯地平片', 'A', '片剂', 30, { vbp: true, generic: '苯磺酸氨氯地平' }],
  ['XC08CAA', '氨氯地平片', 'B', '片剂', 30, { ratio: 0.05, generic: '苯磺酸氨氯地平' }],
  ['XC10AAA158B', '阿托伐他汀钙片', 'B', '片剂', 60, { ratio: 0.1, vbp: true, generic: '阿托伐他汀钙' }],
  ['XR05XAL077B', '复方甘草口服溶液', 'B', '口服溶液剂', 15, { ratio: 0.05 }],
  ['XN02BEB016A', '对乙酰氨基酚片', 'A', '片剂', 10, { generic: '对乙酰氨基酚' }],
  ['ZA01BAZ001B', '连花清瘟胶囊', 'B', '胶囊剂', 30, { ratio: 0.1 }],
  ['ZS0001', '维生素保健品', 'self', '片剂', null],
  ['XJ01DDA110B', '头孢曲松钠注射剂', 'B', '注射剂', 90, { ratio: 0.1, vbp: true, generic: '头孢曲松钠' }],
  ['XA10AEA083B', '甘精胰岛素注射液', 'B', '注射剂', 230, { ratio: 0.1, scope: SCOPE_DIABETES }],
  ['XL01XCR096B', '利妥昔单抗注射液', 'B', '注射剂', 2500, { ratio: 0.2, scope: SCOPE_LYMPHOMA }],
  ['ZY000001', '中药饮片（7剂）', 'B', '饮片', 280, { ratio: 0.1 }],
  ['XJ01DCA', '头孢呋辛酯片', 'B', '片剂', 40, { ratio: 0.1, generic: '头孢呋辛酯' }],
  // — named by SUPERVISION_RULES.md —
  [
    'XG04CAT001A',
    '坦索罗辛缓释胶囊',
    'A',
    '缓释胶囊',
    60,
    { generic: '盐酸坦索罗辛', scope: '限男性良性前列腺增生' },
  ],
  ['ZA04BAX001B', '小儿肺热咳喘口服液', 'B', '口服液', 40, { ratio: 0.1, scope: '限儿童（0–17岁）' }],
  ['XJ01DHM001B', '美罗培南注射剂', 'B', '注射剂', 150, { ratio: 0.2, scope: SCOPE_SEVERE_INFECTION }],
  // — community and hospital care —
  ['XA02BCA211A', '奥美拉唑肠溶胶囊', 'A', '肠溶胶囊', 25, { vbp: true }],
  ['XA02BCB089B', '兰索拉唑肠溶片', 'B', '肠溶片', 35, { vbp: true }],
  ['XA02BCP212B', '泮托拉唑钠肠溶片', 'B', '肠溶片', 30, { vbp: true }],
  ['XA02BCE103B', '艾司奥美拉唑镁肠溶片', 'B', '肠溶片', 45, { vbp: true }],
  ['XA02BAR112A', '雷尼替丁胶囊', 'A', '胶囊剂', 12],
  ['XA02ADL034A', '铝碳酸镁咀嚼片', 'A', '咀嚼片', 20],
  ['XA03FAM045A', '多潘立酮片', 'A', '片剂', 15],
  ['XA03FAM046B', '莫沙必利片', 'B', '片剂', 30],
  ['XA06ADL105A', '乳果糖口服溶液', 'A', '口服溶液剂', 40],
  ['XA07DAL127A', '蒙脱石散', 'A', '散剂', 20],
  ['XA07FAB012B', '双歧杆菌三联活菌胶囊', 'B', '胶囊剂', 35],
  ['XA10BBG041A', '格列齐德缓释片', 'A', '缓释片', 30, { vbp: true }],
  ['XA10BBG042A', '格列美脲片', 'A', '片剂', 30, { vbp: true }],
  ['XA10BFA061A', '阿卡波糖片', 'A', '片剂', 40, { vbp: true }],
  ['XA10BHS120B', '西格列汀片', 'B', '片剂', 60, { vbp: true, scope: SCOPE_DIABETES }],
  ['XA10BHL121B', '利格列汀片', 'B', '片剂', 70, { scope: SCOPE_DIABETES }],
  ['XA10BJL150B', '利拉鲁肽注射液', 'B', '注射剂', 420, { ratio: 0.2, scope: SCOPE_DIABETES }],
  ['XA10BKD151B', '达格列净片', 'B', '片剂', 60, { vbp: true, scope: SCOPE_DIABETES }],
  ['XA10ABR081A', '重组人胰岛素注射液', 'A', '注射剂', 70],
  ['XA10ADP084B', '门冬胰岛素30注射液', 'B', '注射剂', 90, { vbp: true }],
  ['XA11CCA031A', '骨化三醇软胶囊', 'B', '软胶囊', 40],
  ['XA12AAG009A', '碳酸钙D3片', 'self', '片剂', null],
  ['XB01ACA051A', '阿司匹林肠溶片', 'A', '肠溶片', 20, { vbp: true }],
  ['XB01ACL052B', '氯吡格雷片', 'B', '片剂', 40, { vbp: true }],
  ['XB01ACT053B', '替格瑞洛片', 'B', '片剂', 80, { vbp: true, scope: '限急性冠脉综合征患者' }],
  ['XB01AAW054A', '华法林钠片', 'A', '片剂', 15],
  ['XB01AFR055B', '利伐沙班片', 'B', '片剂', 60, { vbp: true }],
  ['XB01ABE056A', '依诺肝素钠注射液', 'B', '注射剂', 80],
  ['XB03AAL061A', '硫酸亚铁片', 'A', '片剂', 10],
  ['XB03BBY062A', '叶酸片', 'A', '片剂', 10],
  ['XB05BBL071A', '氯化钠注射液', 'A', '注射剂', 10],
  ['XB05BAP072A', '葡萄糖注射液', 'A', '注射剂', 10],
  ['XB05XAK073A', '氯化钾注射液', 'A', '注射剂', 10],
  ['XC01AAD081A', '地高辛片', 'A', '片剂', 10],
  ['XC01DAN082A', '硝酸甘油片', 'A', '片剂', 15],
  ['XC01DAI083A', '单硝酸异山梨酯缓释片', 'A', '缓释片', 30, { vbp: true }],
  ['XC01EBT084B', '曲美他嗪缓释片', 'B', '缓释片', 50, { vbp: true }],
  ['XC03AAH091A', '氢氯噻嗪片', 'A', '片剂', 10],
  ['XC03CAF092A', '呋塞米片', 'A', '片剂', 10],
  ['XC03DAS093A', '螺内酯片', 'A', '片剂', 15],
  ['XC03BAI094A', '吲达帕胺片', 'A', '片剂', 15, { vbp: true }],
  ['XC07ABM101A', '美托洛尔缓释片', 'A', '缓释片', 40, { vbp: true }],
  ['XC07ABB102A', '比索洛尔片', 'A', '片剂', 30, { vbp: true }],
  ['XC07AGC103B', '卡维地洛片', 'B', '片剂', 30, { vbp: true }],
  ['XC08CAN104A', '硝苯地平缓释片', 'A', '缓释片', 30, { vbp: true }],
  ['XC08CAF105B', '非洛地平缓释片', 'B', '缓释片', 40, { vbp: true }],
  ['XC09AAE111A', '依那普利片', 'A', '片剂', 20, { vbp: true }],
  ['XC09AAB112A', '贝那普利片', 'A', '片剂', 30, { vbp: true }],
  ['XC09CAL113A', '氯沙坦钾片', 'A', '片剂', 40, { vbp: true }],
  ['XC09CAV114A', '缬沙坦胶囊', 'A', '胶囊剂', 40, { vbp: true }],
  ['XC09CAI115B', '厄贝沙坦片', 'B', '片剂', 40, { vbp: true }],
  ['XC09CAT116B', '替米沙坦片', 'B', '片剂', 40, { vbp: true }],
  [
    'XC09DXS117B',
    '沙库巴曲缬沙坦钠片',
    'B',
    '片剂',
    120,
    { ratio: 0.2, scope: '限慢性心力衰竭（NYHA II–IV级）患者' },
  ],
  ['XC10AAS121A', '辛伐他汀片', 'A', '片剂', 20, { vbp: true }],
  ['XC10AAR122B', '瑞舒伐他汀钙片', 'B', '片剂', 40, { vbp: true }],
  ['XC10AAP123B', '普伐他汀钠片', 'B', '片剂', 40],
  ['XC10AXE124B', '依折麦布片', 'B', '片剂', 60, { vbp: true }],
  ['XD06AXM131A', '莫匹罗星软膏', 'A', '软膏剂', 25],
  ['XD07ACH132A', '丁酸氢化可的松乳膏', 'A', '乳膏剂', 20],
  ['XD01ACK133A', '酮康唑乳膏', 'B', '乳膏剂', 20],
  ['XG03ACL141B', '左炔诺孕酮片', 'self', '片剂', null],
  ['XG04BDT142B', '托特罗定片', 'B', '片剂', 50],
  ['XG04CBF143A', '非那雄胺片', 'A', '片剂', 40, { vbp: true, scope: '限男性良性前列腺增生' }],
  ['XH02ABD151A', '地塞米松磷酸钠注射液', 'A', '注射剂', 10],
  ['XH02ABP152A', '泼尼松片', 'A', '片剂', 10],
  ['XH02ABM153A', '甲泼尼龙片', 'B', '片剂', 40],
  ['XH03AAL161A', '左甲状腺素钠片', 'A', '片剂', 30],
  ['XH03BBM162A', '甲巯咪唑片', 'A', '片剂', 20],
  ['XJ01CRA171B', '阿莫西林克拉维酸钾片', 'B', '片剂', 40, { vbp: true }],
  ['XJ01DBC172A', '头孢氨苄胶囊', 'A', '胶囊剂', 20],
  ['XJ01DBR173A', '头孢拉定胶囊', 'A', '胶囊剂', 20],
  ['XJ01DCF174B', '头孢克洛胶囊', 'B', '胶囊剂', 40, { vbp: true }],
  ['XJ01DDC175B', '头孢克肟分散片', 'B', '片剂', 40, { vbp: true }],
  ['XJ01DDT176B', '头孢他啶注射剂', 'B', '注射剂', 90, { vbp: true, scope: SCOPE_SECOND_LEVEL }],
  ['XJ01FAA177A', '阿奇霉素片', 'A', '片剂', 30, { vbp: true }],
  ['XJ01FAC178A', '克拉霉素片', 'A', '片剂', 30, { vbp: true }],
  ['XJ01FAR179A', '罗红霉素胶囊', 'A', '胶囊剂', 20],
  ['XJ01MAL180A', '左氧氟沙星片', 'A', '片剂', 30, { vbp: true }],
  ['XJ01MAM181B', '莫西沙星片', 'B', '片剂', 60, { vbp: true }],
  ['XJ01XDM182A', '甲硝唑片', 'A', '片剂', 10],
  ['XJ01XXF183A', '呋喃妥因肠溶片', 'A', '肠溶片', 15],
  [
    'XJ01DHI184B',
    '亚胺培南西司他丁钠注射剂',
    'B',
    '注射剂',
    180,
    { ratio: 0.2, scope: SCOPE_SEVERE_INFECTION },
  ],
  [
    'XJ01XAV185B',
    '万古霉素注射剂',
    'B',
    '注射剂',
    200,
    { ratio: 0.2, scope: '限耐甲氧西林金黄色葡萄球菌感染，二级及以上医疗机构' },
  ],
  ['XJ02ACF186A', '氟康唑胶囊', 'A', '胶囊剂', 30, { vbp: true }],
  ['XJ05ABA187A', '阿昔洛韦片', 'A', '片剂', 15],
  ['XJ05AHO188B', '奥司他韦胶囊', 'B', '胶囊剂', 80, { scope: '限流行性感冒确诊或高度疑似患者' }],
  ['XJ05AFE189B', '恩替卡韦片', 'B', '片剂', 30, { vbp: true, scope: '限慢性乙型肝炎患者' }],
  ['XJ05AFT190B', '富马酸替诺福韦二吡呋酯片', 'B', '片剂', 30, { vbp: true, scope: '限慢性乙型肝炎患者' }],
  ['XJ04AMI191A', '异烟肼片', 'A', '片剂', 10],
  ['XJ04ABR192A', '利福平胶囊', 'A', '胶囊剂', 20],
  ['XJ04AKP193A', '吡嗪酰胺片', 'A', '片剂', 20],
  ['XJ04AKE194A', '乙胺丁醇片', 'A', '片剂', 20],
  ['XL01BCC201B', '卡培他滨片', 'B', '片剂', 200, { ratio: 0.2, vbp: true, scope: '限结直肠癌、乳腺癌患者' }],
  ['XL01BAM202A', '甲氨蝶呤片', 'A', '片剂', 30],
  ['XL01CDP203B', '紫杉醇注射液', 'B', '注射剂', 600, { ratio: 0.2, vbp: true, scope: SCOPE_SECOND_LEVEL }],
  ['XL01XAO204B', '奥沙利铂注射剂', 'B', '注射剂', 500, { ratio: 0.2, vbp: true, scope: SCOPE_SECOND_LEVEL }],
  [
    'XL01XCT205B',
    '曲妥珠单抗注射剂',
    'B',
    '注射剂',
    2000,
    { ratio: 0.2, scope: '限HER2阳性乳腺癌、胃癌，二级及以上医疗机构' },
  ],
  [
    'XL01XEG206B',
    '吉非替尼片',
    'B',
    '片剂',
    400,
    { ratio: 0.2, vbp: true, scope: '限EGFR突变阳性的非小细胞肺癌' },
  ],
  [
    'XL01XEI207B',
    '伊马替尼片',
    'B',
    '片剂',
    300,
    { ratio: 0.2, vbp: true, scope: '限慢性髓性白血病、胃肠间质瘤' },
  ],
  ['XL02BAT208A', '他莫昔芬片', 'A', '片剂', 30],
  ['XL02BGL209B', '来曲唑片', 'B', '片剂', 60, { vbp: true, scope: '限绝经后乳腺癌' }],
  ['XL04ADT210B', '他克莫司胶囊', 'B', '胶囊剂', 300, { ratio: 0.2, scope: '限器官移植后抗排异' }],
  ['XL04AAM211B', '吗替麦考酚酯胶囊', 'B', '胶囊剂', 200, { ratio: 0.2, scope: '限器官移植后抗排异' }],
  ['XL04ADC212B', '环孢素软胶囊', 'B', '软胶囊', 250, { ratio: 0.2, scope: '限器官移植后抗排异' }],
  ['XM01AEI221A', '布洛芬缓释胶囊', 'A', '缓释胶囊', 20, { vbp: true }],
  ['XM01ABD222A', '双氯芬酸钠缓释片', 'A', '缓释片', 20],
  ['XM01AHC223B', '塞来昔布胶囊', 'B', '胶囊剂', 40, { vbp: true }],
  ['XM01ACM224B', '美洛昔康片', 'B', '片剂', 30, { vbp: true }],
  ['XM04AAA225A', '别嘌醇片', 'A', '片剂', 15],
  [
    'XM04AAF226B',
    '非布司他片',
    'B',
    '片剂',
    40,
    { vbp: true, scope: '限痛风患者高尿酸血症，别嘌醇无效或不耐受' },
  ],
  ['XM05BAA227B', '阿仑膦酸钠片', 'B', '片剂', 40, { vbp: true, scope: '限骨质疏松症' }],
  ['XN02AXT231B', '曲马多缓释片', 'B', '缓释片', 40],
  ['XN02AAM232A', '吗啡注射液', 'A', '注射剂', 20],
  ['XN02BBA233A', '安乃近片', 'self', '片剂', null],
  ['XN03AXL234B', '左乙拉西坦片', 'B', '片剂', 80, { vbp: true }],
  ['XN03AFC235A', '卡马西平片', 'A', '片剂', 20],
  ['XN03AGV236A', '丙戊酸钠缓释片', 'A', '缓释片', 40, { vbp: true }],
  ['XN04BAL237A', '多巴丝肼片', 'A', '片剂', 60],
  ['XN05AHO238A', '奥氮平片', 'A', '片剂', 60, { vbp: true }],
  ['XN05AXR239A', '利培酮片', 'A', '片剂', 40, { vbp: true }],
  ['XN05AHQ240B', '喹硫平片', 'B', '片剂', 50, { vbp: true }],
  ['XN05AXA241B', '阿立哌唑片', 'B', '片剂', 60, { vbp: true }],
  ['XN05BAD242A', '地西泮片', 'A', '片剂', 10],
  ['XN05BAA243A', '阿普唑仑片', 'A', '片剂', 10],
  ['XN05CFZ244B', '佐匹克隆片', 'B', '片剂', 20, { vbp: true }],
  ['XN06ABS245A', '舍曲林片', 'A', '片剂', 50, { vbp: true }],
  ['XN06ABP246A', '帕罗西汀片', 'A', '片剂', 50, { vbp: true }],
  ['XN06ABE247B', '艾司西酞普兰片', 'B', '片剂', 60, { vbp: true }],
  ['XN06DAD248B', '多奈哌齐片', 'B', '片剂', 80, { vbp: true, scope: '限明确诊断的阿尔茨海默病' }],
  ['XN07XXG249B', '甲钴胺片', 'B', '片剂', 30, { fixed: true }],
  ['XR01ADB251A', '布地奈德鼻喷雾剂', 'B', '鼻喷雾剂', 80],
  ['XR03ACS252A', '沙丁胺醇气雾剂', 'A', '气雾剂', 30],
  [
    'XR03AKB253B',
    '布地奈德福莫特罗吸入粉雾剂',
    'B',
    '吸入粉雾剂',
    250,
    { ratio: 0.1, scope: '限哮喘、慢性阻塞性肺疾病' },
  ],
  [
    'XR03AKS254B',
    '沙美特罗替卡松吸入粉雾剂',
    'B',
    '吸入粉雾剂',
    250,
    { ratio: 0.1, scope: '限哮喘、慢性阻塞性肺疾病' },
  ],
  ['XR03BBT255B', '噻托溴铵吸入粉雾剂', 'B', '吸入粉雾剂', 200, { scope: '限慢性阻塞性肺疾病' }],
  ['XR03DAA256A', '氨茶碱片', 'A', '片剂', 10],
  ['XR03DCM257B', '孟鲁司特钠片', 'B', '片剂', 60, { vbp: true }],
  ['XR05CBA258A', '氨溴索口服溶液', 'A', '口服溶液剂', 25],
  ['XR05CBC259B', '乙酰半胱氨酸泡腾片', 'B', '泡腾片', 40],
  ['XR06AXL260A', '氯雷他定片', 'A', '片剂', 20, { vbp: true }],
  ['XR06AEC261A', '西替利嗪片', 'A', '片剂', 20, { vbp: true }],
  ['XS01AAL262A', '左氧氟沙星滴眼液', 'A', '滴眼剂', 20],
  ['XS01EDT263B', '噻吗洛尔滴眼液', 'B', '滴眼剂', 20],
  ['XS01XAS264B', '玻璃酸钠滴眼液', 'B', '滴眼剂', 40, { scope: '限干眼症' }],
  ['XV03ABN265A', '纳洛酮注射液', 'A', '注射剂', 40],
  ['XV06DBE266A', '肠内营养粉剂', 'B', '粉剂', 200, { scope: '限经口摄食不足的住院患者' }],
  // — 中成药 —
  ['ZA01AAB002A', '板蓝根颗粒', 'A', '颗粒剂', 20],
  ['ZA01AAG003A', '感冒清热颗粒', 'A', '颗粒剂', 25],
  ['ZA01BAS004B', '双黄连口服液', 'B', '口服液', 35],
  ['ZA01BAY005B', '银翘解毒片', 'B', '片剂', 20],
  ['ZA02AAH006A', '藿香正气水', 'A', '酊剂', 15],
  ['ZA04AAJ007A', '急支糖浆', 'A', '糖浆剂', 25],
  ['ZA04BAQ008B', '清开灵颗粒', 'B', '颗粒剂', 30],
  ['ZA06AAL009A', '六味地黄丸', 'A', '丸剂', 25],
  ['ZA06BAB010B', '补中益气丸', 'B', '丸剂', 30],
  ['ZA09AAS011A', '复方丹参滴丸', 'A', '滴丸剂', 40],
  ['ZA12AAS012A', '速效救心丸', 'A', '滴丸剂', 40],
  ['ZA12BAT013B', '通心络胶囊', 'B', '胶囊剂', 60, { scope: '限冠心病心绞痛' }],
  ['ZA12CAN014B', '脑心通胶囊', 'B', '胶囊剂', 60],
  ['ZA13AAY015B', '银杏叶片', 'B', '片剂', 40],
  ['ZA15AAX016A', '消渴丸', 'A', '丸剂', 40],
  ['ZA16AAG017B', '骨刺宁胶囊', 'B', '胶囊剂', 40],
  ['ZA17AAY018A', '云南白药胶囊', 'A', '胶囊剂', 40],
  ['ZA18AAW019B', '乌鸡白凤丸', 'B', '丸剂', 30],
  ['ZB01AAP020B', '片仔癀', 'self', '片剂', null],
  ['ZS0002', '阿胶', 'self', '胶剂', null],
  ['ZS0003', '冬虫夏草', 'self', '饮片', null],
];

interface ServiceExtra {
  ratio?: number;
  stepDown?: boolean; // 介入、手术类: lower levels derived −10 % per level
  ph?: boolean; // 免费基本公共卫生服务
  scope?: string;
  limit?: number;
}

/** Price standard: one amount for every level, [primary, secondary, tertiary], or (step-down) the tertiary price. */
type Price = number | readonly [number, number, number] | { tertiary: number; secondary?: number };

/** [code, name, unit, class, price standard (yuan), extras]. */
type ServiceRow = readonly [string, string, string, Cls, Price | null, ServiceExtra?];

const SERVICES: readonly ServiceRow[] = [
  // — 综合医疗服务类 —
  ['110200001', '普通门诊诊查费', '次', 'A', 25],
  ['110200002', '副主任医师诊查费', '次', 'A', [25, 30, 40]],
  ['110200003', '主任医师门诊诊查费', '次', 'A', 60],
  ['110200005', '中医辨证论治', '次', 'A', 40],
  ['110200010', '一般诊疗费（基层）', '次', 'A', [10, 10, 10]],
  ['110200011', '住院诊查费', '日', 'A', [15, 20, 25]],
  ['111100001', '互联网复诊费', '次', 'A', 20],
  ['110300001', '急诊诊查费', '次', 'A', [20, 25, 30]],
  ['110900001', '床位费', '日', 'A', 80],
  ['110900002', '监护病房床位费', '日', 'A', [80, 100, 120]],
  ['111000001', '院前急救费', '次', 'A', 100],
  ['120100001', '家庭病床建床费', '次', 'A', 20],
  ['120100002', '家庭病床巡诊费', '次', 'A', 30],
  ['120100003', '出诊费', '次', 'A', 50],
  ['120200001', '换药', '次', 'A', [15, 20, 25]],
  ['120300001', '持续吸氧', '小时', 'A', 5],
  ['120400001', '静脉输液', '组', 'A', 15],
  ['120400002', '静脉注射', '次', 'A', 10],
  ['120400003', '肌肉注射', '次', 'A', 5],
  ['120400004', '皮下注射', '次', 'A', 5],
  ['120500001', '雾化吸入', '次', 'A', 10],
  ['120600001', '导尿', '次', 'A', 20],
  ['120700001', '鼻饲管置管', '次', 'A', 25],
  ['120800001', '灌肠', '次', 'A', 20],
  ['121300001', '特级护理', '日', 'A', 80],
  ['121400001', '重症监护', '小时', 'A', 15],
  ['121500001', '一级护理', '日', 'A', 40],
  ['121600001', '二级护理', '日', 'A', 20],
  ['121700001', '三级护理', '日', 'A', 10],
  ['121800001', '特殊疾病护理', '日', 'A', 30],
  // — 医技诊疗类 —
  ['210100001', 'X线摄影（胸部正位）', '次', 'A', [40, 50, 60]],
  ['210103001', '胸部CT平扫', '次', 'A', 320],
  ['210103002', '头颅CT平扫', '次', 'A', [180, 250, 300]],
  ['210104001', '腹部CT增强扫描', '次', 'B', [400, 500, 600], { ratio: 0.1 }],
  ['210200001', '磁共振平扫', '次', 'B', [400, 500, 600], { ratio: 0.1 }],
  ['220100001', '彩色多普勒超声', '次', 'A', 180],
  ['220200001', '超声心动图', '次', 'A', [150, 180, 220]],
  ['220300001', '腹部B超', '次', 'A', [60, 70, 80]],
  ['230100001', '肝胆动态显像', '次', 'B', [300, 350, 400], { ratio: 0.1 }],
  ['250101001', '血常规', '次', 'A', 40],
  ['250102001', '尿常规', '次', 'A', 15],
  ['250103001', '粪便常规', '次', 'A', 10],
  ['250104001', 'C反应蛋白测定', '次', 'A', 40],
  ['250201001', '凝血四项', '次', 'A', 80],
  ['250302001', '血糖测定', '次', 'A', 15],
  ['250303001', '糖化血红蛋白测定', '次', 'A', 60],
  ['250304001', '血脂四项', '次', 'A', 60],
  ['250305001', '肾功能测定', '次', 'A', 60],
  ['250306001', '电解质测定', '次', 'A', 40],
  ['250401001', '肝功能检测', '次', 'A', 90],
  ['250402001', '乙肝两对半', '次', 'A', 80],
  ['250403001', '甲状腺功能五项', '次', 'B', 150, { ratio: 0.1 }],
  ['250404001', '前列腺特异性抗原测定', '次', 'A', 100, { scope: '限男性' }],
  ['250405001', '肿瘤标志物癌胚抗原测定', '次', 'B', 80, { ratio: 0.1 }],
  ['250501001', '细菌培养及药敏', '次', 'A', 150],
  ['250601001', '新型冠状病毒核酸检测', '次', 'A', 40],
  ['270800001', '病理检查', '例', 'B', 300, { ratio: 0.1 }],
  ['310701001', '心电图', '次', 'A', 35],
  ['310701002', '动态心电图', '次', 'A', [150, 180, 200]],
  ['310702001', '动态血压监测', '次', 'A', 120],
  ['310603001', '呼吸机辅助呼吸', '小时', 'A', [10, 12, 15]],
  ['310604001', '肺功能检查', '次', 'A', [80, 100, 120]],
  ['310800001', '骨髓穿刺术', '次', 'A', [80, 100, 120]],
  ['310901001', '胃镜检查', '次', 'A', [200, 250, 300]],
  ['310902001', '结肠镜检查', '次', 'A', [250, 300, 350]],
  ['311000006', '血液透析', '次', 'A', 480],
  ['311000007', '腹膜透析', '次', 'A', 200],
  ['311201001', '宫颈细胞学检查', '次', 'A', 120, { scope: '限女性' }],
  ['311202001', '阴道分泌物检查', '次', 'A', 30, { scope: '限女性' }],
  ['311400002', '静脉化疗', '次', 'A', 800],
  ['311400003', '腔内化疗', '次', 'A', 300],
  ['311503001', '小儿推拿', '次', 'A', 50, { scope: '限0–13岁儿童' }],
  ['311504001', '老年综合评估', '次', 'A', 100, { scope: '限60岁及以上' }],
  ['311600001', '放射治疗（常规）', '次', 'A', [300, 350, 400]],
  // — 临床手术治疗类 (介入与手术: 逐级降价) —
  ['330100005', '全身麻醉', '次', 'A', [1200, 1200, 1200], { stepDown: true }],
  ['330100006', '椎管内麻醉', '次', 'A', { tertiary: 600 }, { stepDown: true }],
  ['330100007', '局部浸润麻醉', '次', 'A', { tertiary: 50 }, { stepDown: true }],
  [
    '330803001',
    '经皮冠状动脉支架置入术',
    '次',
    'A',
    { tertiary: 4500 },
    { stepDown: true, scope: '限三级医疗机构' },
  ],
  ['330803002', '经皮冠状动脉腔内成形术', '次', 'A', { tertiary: 3500 }, { stepDown: true }],
  ['330804001', '冠状动脉造影术', '次', 'A', { tertiary: 1600 }, { stepDown: true }],
  ['330805001', '心脏起搏器置入术', '次', 'A', { tertiary: 2500 }, { stepDown: true }],
  ['331001001', '经皮肝穿刺活检术', '次', 'A', { tertiary: 600 }, { stepDown: true }],
  ['331303001', '腹腔镜胆囊切除术', '次', 'A', [3800, 3800, 3800], { stepDown: true }],
  ['331303002', '胆囊切除术（开腹）', '次', 'A', { tertiary: 2800 }, { stepDown: true }],
  ['331305001', '阑尾切除术', '次', 'A', { tertiary: 1500 }, { stepDown: true }],
  ['331306001', '腹股沟疝修补术', '次', 'A', { tertiary: 1600 }, { stepDown: true }],
  ['331501001', '甲状腺次全切除术', '次', 'A', { tertiary: 2200 }, { stepDown: true }],
  ['331502001', '乳腺肿物切除术', '次', 'A', { tertiary: 900 }, { stepDown: true }],
  ['331601001', '剖宫产术', '次', 'A', { tertiary: 1800 }, { stepDown: true }],
  ['331602001', '子宫肌瘤剔除术', '次', 'A', { tertiary: 2200 }, { stepDown: true }],
  ['331701001', '经尿道前列腺电切术', '次', 'A', { tertiary: 2600 }, { stepDown: true }],
  ['331801001', '白内障超声乳化摘除术', '次', 'A', { tertiary: 1800 }, { stepDown: true }],
  ['331901001', '全髋关节置换术', '次', 'A', { tertiary: 4000 }, { stepDown: true }],
  ['331902001', '膝关节镜检查术', '次', 'A', { tertiary: 1500 }, { stepDown: true }],
  ['331903001', '骨折切开复位内固定术', '次', 'A', { tertiary: 2000 }, { stepDown: true }],
  ['332001001', '清创缝合术（小）', '次', 'A', { tertiary: 120 }, { stepDown: true }],
  ['332001002', '体表肿物切除术', '次', 'A', { tertiary: 200 }, { stepDown: true }],
  ['332002001', '脓肿切开引流术', '次', 'A', { tertiary: 100 }, { stepDown: true }],
  // — 康复与中医 —
  ['340100001', '康复评定', '次', 'A', [40, 50, 60]],
  ['340200015', '运动疗法', '次', 'B', 600, { ratio: 0.1 }],
  ['340200016', '作业疗法', '次', 'B', 60, { ratio: 0.1 }],
  ['340200017', '言语训练', '次', 'B', 50, { ratio: 0.1 }],
  ['420000001', '针灸', '次', 'B', 60, { ratio: 0.1 }],
  ['420000002', '电针', '次', 'B', 50, { ratio: 0.1 }],
  ['430000001', '拔罐', '次', 'A', 20],
  ['440000001', '中医推拿', '次', 'A', 60],
  ['450000001', '中药熏洗', '次', 'B', 40, { ratio: 0.1 }],
  ['480000001', '中医定向透药', '次', 'B', 30, { ratio: 0.1 }],
  ['130000001', '治疗费（综合）', '次', 'A', 800],
  // — 免费基本公共卫生服务 (R-C5; list PH of SUPERVISION_RULES.md) —
  ['PH0001', '建立居民健康档案', '次', 'A', 5, { ph: true }],
  ['PH0002', '65岁及以上老年人健康体检', '次', 'A', 50, { ph: true }],
  ['PH0003', '高血压患者随访评估', '次', 'A', 10, { ph: true }],
  ['PH0004', '2型糖尿病患者随访评估', '次', 'A', 10, { ph: true }],
  ['PH0005', '免疫规划疫苗接种', '次', 'A', 5, { ph: true }],
  ['PH0006', '健康教育讲座', '次', 'A', 0, { ph: true }],
  ['PH0007', '严重精神障碍患者管理随访', '次', 'A', 10, { ph: true }],
  ['PH0008', '孕产妇健康管理', '次', 'A', 20, { ph: true }],
  ['PH0009', '0–6岁儿童健康管理', '次', 'A', 15, { ph: true }],
  ['PH0010', '肺结核患者健康管理', '次', 'A', 10, { ph: true }],
  // — 自费 (丙类) services —
  ['ZS0101', '体检套餐（自选）', '次', 'self', null],
  ['ZS0102', '特需病房服务', '日', 'self', null],
  ['ZS0103', '医疗美容咨询', '次', 'self', null],
  ['ZS0104', '专家特需门诊', '次', 'self', null],
];

/** [code, name, unit, class, payment limit (yuan) or null, ratio, price standard]. */
type MaterialRow = readonly [string, string, string, Cls, number | null, number?];

const MATERIALS: readonly MaterialRow[] = [
  ['HC0301', '一次性输液器', '套', 'A', 10],
  ['HC0302', '一次性注射器', '支', 'A', 3],
  ['HC0303', '医用棉签', '包', 'A', 3],
  ['HC0304', '一次性使用无菌导尿包', '套', 'A', 30],
  ['HC1102', '进口留置针', '支', 'B', 100, 0.2],
  ['HC1103', '国产留置针', '支', 'A', 30],
  ['HC2301', '可吸收缝线', '根', 'B', 400, 0.2],
  ['HC2302', '非吸收缝线', '根', 'A', 30],
  ['HC2401', '医用敷料（伤口贴）', '片', 'A', 10],
  ['HC2402', '藻酸盐敷料', '片', 'B', 80, 0.2],
  ['C01020101', '冠状动脉药物洗脱支架', '个', 'B', 800, 0.3],
  ['C01020102', 'PTCA球囊扩张导管', '根', 'B', 1000, 0.3],
  ['C01030101', '单腔心脏起搏器', '台', 'B', 15000, 0.3],
  ['C02010101', '人工髋关节假体', '套', 'B', 8000, 0.3],
  ['C02010102', '骨科接骨板', '块', 'B', 1500, 0.2],
  ['C03010101', '人工晶状体', '片', 'B', 800, 0.2],
  ['C04010101', '透析器', '支', 'A', 120],
  ['C04010102', '血液透析管路', '套', 'A', 60],
  ['C05010101', '一次性胃管', '根', 'A', 15],
  ['C05010102', '一次性吸氧管', '根', 'A', 5],
  ['C06010101', '胰岛素笔用针头', '支', 'B', 3, 0.1],
  ['C06010102', '血糖试纸', '片', 'B', 4, 0.1],
  ['C07010101', '医用外科口罩', '个', 'self', null],
  ['C07010102', '弹力绷带', '卷', 'A', 20],
];

// From 2025: the demo year's visits begin in 2025 (demo/visits.ts demoDate), and a code not in force
// on a visit's date would be 目录外.
const FROM = '2025-01-01';

function drugInput([code, name, cls, form, limit, x = {}]: DrugRow): CatalogueEntryInput {
  return {
    code,
    name,
    kind: 'drug',
    class: cls,
    selfPayRatio: cls === 'B' ? (x.ratio ?? null) : null,
    paymentLimit: limit,
    volumeProcurement: x.vbp ?? false,
    fixedSelfPay: cls === 'B' && (x.fixed ?? false),
    genericName: x.generic ?? null,
    dosageForm: form,
    restrictedScope: x.scope ?? null,
    validFrom: FROM,
  };
}

function serviceInput([code, name, unit, cls, price, x = {}]: ServiceRow): CatalogueEntryInput {
  let priceStandard: CatalogueEntryInput['priceStandard'] = null;
  if (typeof price === 'number') priceStandard = price;
  else if (Array.isArray(price)) {
    const [primary, secondary, tertiary] = price as readonly [number, number, number];
    priceStandard = { primary, secondary, tertiary };
  } else if (price !== null) {
    const p = price as { tertiary: number; secondary?: number };
    priceStandard = {
      tertiary: p.tertiary,
      ...(p.secondary === undefined ? {} : { secondary: p.secondary }),
    };
  }
  return {
    code,
    name,
    kind: 'service',
    class: cls,
    selfPayRatio: cls === 'B' ? (x.ratio ?? null) : null,
    paymentLimit: x.limit ?? null,
    priceStandard,
    stepDown: x.stepDown ?? false,
    publicHealth: x.ph ?? false,
    unit,
    restrictedScope: x.scope ?? null,
    validFrom: FROM,
  };
}

function materialInput([code, name, unit, cls, limit, ratio]: MaterialRow): CatalogueEntryInput {
  return {
    code,
    name,
    kind: 'material',
    class: cls,
    selfPayRatio: cls === 'B' ? (ratio ?? null) : null,
    paymentLimit: limit,
    unit,
    validFrom: FROM,
  };
}

/** The demo region's catalogue, in force from 2026-01-01 (validate with catalogue/validate.ts). */
export function demoCatalogueEntries(): CatalogueEntryInput[] {
  return [...DRUGS.map(drugInput), ...SERVICES.map(serviceInput), ...MATERIALS.map(materialInput)];
}

/** The catalogue version the demo's entries come from. */
export const DEMO_CATALOGUE_VERSION = 'DEMO-2026';

/**
 * Service items a demo community centre is approved for (R-C3): primary care, public health,
 * the basic tests, rehabilitation and TCM — no CT, endoscopy, surgery or chemotherapy.
 */
export function demoApprovedServices(): string[] {
  const hospitalOnly = /^(21010[34]|2102|2301|2704|3108|3109|3114|3116|33|311000)/;
  return SERVICES.filter(([code, , , cls]) => cls !== 'self' && !hospitalOnly.test(code)).map(
    ([code]) => code,
  );
}
