PRAGMA user_version = 12;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE dept (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cleaning','repair','gov')),
  phone TEXT,
  created_at INTEGER NOT NULL
);
INSERT INTO dept VALUES(1,'civil','民政窗口','gov','010-6512 3401',1796081400);
INSERT INTO dept VALUES(2,'social','社保窗口','gov','010-6512 3402',1796081400);
INSERT INTO dept VALUES(3,'clean','物业保洁部','cleaning','010-8456 7700',1796081400);
INSERT INTO dept VALUES(4,'aftersales','售后服务部','repair','400-820 1234',1796081400);
CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  dept_id INTEGER REFERENCES dept(id),
  phone TEXT,
  badge TEXT UNIQUE,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
);
INSERT INTO staff VALUES(1,'zhou','周主任',1,'13800000001','G-001',1,1796081400);
INSERT INTO staff VALUES(2,'li','李娜',1,'13800000002','G-017',1,1796081400);
INSERT INTO staff VALUES(3,'zhao','赵强',2,'13800000003','G-021',1,1796081400);
INSERT INTO staff VALUES(4,'sun','孙班长',3,'13800000004','P-003',1,1796081400);
INSERT INTO staff VALUES(5,'wang','王师傅',3,'13800000005','P-011',1,1796081400);
INSERT INTO staff VALUES(6,'chen','陈工',4,'13800000006','S-102',1,1796081400);
INSERT INTO staff VALUES(7,'qian','钱会计',3,'13800000007','F-001',1,1796081400);
INSERT INTO staff VALUES(8,'wu','吴投诉',1,'13800000008','C-001',1,1796081400);
CREATE TABLE staff_role (
  staff_id INTEGER NOT NULL REFERENCES staff(id),
  role TEXT NOT NULL CHECK (role IN
    ('admin','dispatcher','worker','finance','complaints')),
  PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;
INSERT INTO staff_role VALUES(1,'admin');
INSERT INTO staff_role VALUES(1,'dispatcher');
INSERT INTO staff_role VALUES(2,'worker');
INSERT INTO staff_role VALUES(3,'worker');
INSERT INTO staff_role VALUES(4,'dispatcher');
INSERT INTO staff_role VALUES(4,'worker');
INSERT INTO staff_role VALUES(5,'worker');
INSERT INTO staff_role VALUES(6,'worker');
INSERT INTO staff_role VALUES(7,'finance');
INSERT INTO staff_role VALUES(8,'complaints');
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  order_id INTEGER,
  subject TEXT,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
, hash TEXT);
INSERT INTO event VALUES(1,NULL,'dept:civil',1796081400,'zhou','dept.add','{"code":"civil","name":"民政窗口","kind":"gov","phone":"010-6512 3401"}','d04001d17799d5bbf3900b57c7c390437a111ff2ec9cc093cf8ad48b1dba3ff4');
INSERT INTO event VALUES(2,NULL,'dept:social',1796081400,'zhou','dept.add','{"code":"social","name":"社保窗口","kind":"gov","phone":"010-6512 3402"}','a0f83a297b652d5c8bc68f2233e1594e628d963528f61fcd0276f5521accc318');
INSERT INTO event VALUES(3,NULL,'dept:clean',1796081400,'zhou','dept.add','{"code":"clean","name":"物业保洁部","kind":"cleaning","phone":"010-8456 7700"}','3a98e7c1f4e793a1f4dcdf30f5d0ccae835e9b4041ba54799d79c4e10a75238f');
INSERT INTO event VALUES(4,NULL,'dept:aftersales',1796081400,'zhou','dept.add','{"code":"aftersales","name":"售后服务部","kind":"repair","phone":"400-820 1234"}','1f893f03b7e3ac5180318a0b7a5bb8d2f75a2cbcf3aa6eb5afd1a279acb104dd');
INSERT INTO event VALUES(5,NULL,'staff:zhou',1796081400,'zhou','staff.add','{"login":"zhou","name":"周主任","dept":"civil","roles":"admin,dispatcher","phone":"13800000001","badge":"G-001"}','50b53edf858bd6947d67a611fcd488364bd6476c97f1326662ff12d71cdb2777');
INSERT INTO event VALUES(6,NULL,'staff:li',1796081400,'zhou','staff.add','{"login":"li","name":"李娜","dept":"civil","roles":"worker","phone":"13800000002","badge":"G-017"}','c042fe6c87988ce3d478e13d189619777b51a3ea69013b186828bf54b4249d33');
INSERT INTO event VALUES(7,NULL,'staff:zhao',1796081400,'zhou','staff.add','{"login":"zhao","name":"赵强","dept":"social","roles":"worker","phone":"13800000003","badge":"G-021"}','97f693e3eb132942d568f3c0edfa58f545d9638cec44391022b76a32afc7b64d');
INSERT INTO event VALUES(8,NULL,'staff:sun',1796081400,'zhou','staff.add','{"login":"sun","name":"孙班长","dept":"clean","roles":"dispatcher,worker","phone":"13800000004","badge":"P-003"}','7c8c1c128efb6ba14c8933dc5f45ebe31463bf013ad3da8c036baf3749302b5e');
INSERT INTO event VALUES(9,NULL,'staff:wang',1796081400,'zhou','staff.add','{"login":"wang","name":"王师傅","dept":"clean","roles":"worker","phone":"13800000005","badge":"P-011"}','41d2a7fa5e2b372d58796638f52c62a13a4e04b0ef134dd9555ebe54585cc2a4');
INSERT INTO event VALUES(10,NULL,'staff:chen',1796081400,'zhou','staff.add','{"login":"chen","name":"陈工","dept":"aftersales","roles":"worker","phone":"13800000006","badge":"S-102"}','ee63b56d2033103f4e90f51bd728dc7c19e3d7a96f68afe7e77d156480aa89de');
INSERT INTO event VALUES(11,NULL,'staff:qian',1796081400,'zhou','staff.add','{"login":"qian","name":"钱会计","dept":"clean","roles":"finance","phone":"13800000007","badge":"F-001"}','f5988790a9f9d9aa4d83a7191962fedfccca956c898ab28ca273d558ec1b74a0');
INSERT INTO event VALUES(12,NULL,'staff:wu',1796081400,'zhou','staff.add','{"login":"wu","name":"吴投诉","dept":"civil","roles":"complaints","phone":"13800000008","badge":"C-001"}','bfb455192716e5ec5ce7571cffe95f21ce441317406a4b5de920cb079696d5d9');
INSERT INTO event VALUES(13,NULL,'product:6901234567890',1796081400,'zhou','product.add','{"model":"BCD-216","name":"海尔冰箱, 双门","sold_on":"2026-03-02","warranty_months":12}','90ccb8287018fef587f2d7950bbd967a3fd765f6b73b14a4c1cd4d2b042300d1');
INSERT INTO event VALUES(14,1,NULL,1796083800,'zhou','order.new','{"kind":"gov","customer":"李大爷","phone":"13900000001","address":"朝阳区建国路88号3单元501","channel":"phone","group":"elderly","dept":"civil","services":["gov-pension:1"]}','d07dda4b956666693d27060b3b5c5d9a063f3dadf72561d922227b732b2e72b1');
INSERT INTO event VALUES(15,2,NULL,1796083800,'zhou','order.new','{"kind":"cleaning","customer":"张阿姨","phone":"13900000002","address":"海淀区学院路5号","channel":"office","dept":"clean","services":["clean-daily:1","clean-glass:6"]}','4a99f582ee1f1d5eaba5a858a9ee5ee748618159d2ac7adb35261798b998d395');
INSERT INTO event VALUES(16,3,NULL,1796083800,'zhou','order.new','{"kind":"repair","customer":"赵先生","phone":"13900000003","address":"西城区阜成门外大街2号","channel":"window","dept":"aftersales","product":"6901234567890","fault":"冰箱不制冷","services":["repair-visit:1"]}','c573b9ee5cf03fd57dd6cc10da29842e58da0f28e1ec240fd79b6de14709b04e');
INSERT INTO event VALUES(17,4,NULL,1796083800,'zhou','order.new','{"kind":"gov","customer":"孙奶奶","phone":"13900000004","address":"东城区北新桥1号","channel":"window","group":"elderly","dept":"civil","services":["gov-senior-card:1"]}','bd9b310261a1f07bba08974faa19e03852bf5a55613646a57657a620355f073a');
INSERT INTO event VALUES(18,5,NULL,1795766400,'zhou','order.new','{"kind":"gov","customer":"吴先生","phone":"13900000005","address":"丰台区","channel":"phone","group":"disabled","dept":"social","services":["gov-medical:1"]}','2626d53814382f45f81bcf9e4c47eb2af59d013f9f4612cdf925c9dcbdc5bc29');
INSERT INTO event VALUES(19,1,NULL,1796085600,'zhou','order.accept','{"at":"2026-12-01T10:00:00+08:00","until":"2026-12-01T10:45:00+08:00","documents":["身份证原件","户口簿","近期免冠照片"],"late":0}','deb4533fef189c07bf4cfb53701ab216b74e6f3a6934b72f11a3af8e03c8e727');
INSERT INTO event VALUES(20,2,NULL,1796085600,'zhou','order.accept','{"at":"2026-12-01T13:30:00+08:00","until":"2026-12-01T16:30:00+08:00","documents":[],"late":0}','6d3dc1760e7842dc8f817a26a2bd3f088e7d2e38ebf3826f455f134fc9bc8028');
INSERT INTO event VALUES(21,3,NULL,1796085600,'zhou','order.accept','{"at":"2026-12-01T09:30:00+08:00","until":"2026-12-01T10:30:00+08:00","documents":["售后服务凭证（保修卡）","购机发票"],"late":0}','1fd89837f436a6cb3d31f58939c43211765c98a2299c9fad17e434ec254d7830');
INSERT INTO event VALUES(22,4,NULL,1796085600,'zhou','order.accept','{"at":"2026-12-01T15:00:00+08:00","until":"2026-12-01T15:30:00+08:00","documents":["身份证原件","近期一寸免冠照片"],"late":0}','985b667f0388d3480ce64c7a0955b428d848900fa474285524f93dc4c5fd1024');
INSERT INTO event VALUES(23,5,NULL,1796085600,'zhou','order.accept','{"at":"2026-12-01T14:00:00+08:00","until":"2026-12-01T14:45:00+08:00","documents":["身份证原件","户口簿","社会保障卡或银行卡"],"late":1}','355d628ac69a4793e2f63f029a0dc3275a60a2247ccd3547e25c5304ec797c6e');
INSERT INTO event VALUES(24,1,NULL,1796086200,'zhou','order.assign','{"worker":"li"}','9080384cdb841451ad01fd8932222d6f3ef179ea675d6b2355384f04b87006d8');
INSERT INTO event VALUES(25,2,NULL,1796086200,'zhou','order.assign','{"worker":"sun"}','b0454f6ff535c75dd29e173e82d194d125873faeb16ee876696a6832577e3a13');
INSERT INTO event VALUES(26,3,NULL,1796086200,'zhou','order.assign','{"worker":"chen"}','2de35c7a241c124bcfc1ac7a9ba7319a6560f7b628d9588dc839e367232d4cab');
INSERT INTO event VALUES(27,4,NULL,1796086200,'zhou','order.assign','{"worker":"li"}','60cba57fa37f1fcc743a06292bb969a6ceb5cd43454248ea681fb92df120997e');
INSERT INTO event VALUES(28,5,NULL,1796086200,'zhou','order.assign','{"worker":"zhao"}','a2e7800ef4ec1abc993de8d212a9420cbc0b037371bce1c67752c626fcc31f5e');
INSERT INTO event VALUES(29,5,NULL,1796086800,'zhou','order.move','{"from":"2026-12-01T14:00:00+08:00","to":"2026-12-01T16:30:00+08:00","by":"provider","notice":18000,"short":1,"reason":"车辆故障"}','5d6dba11cf28c27db687fb0e43ada94000cb215f9db0a68443689143abaa15e0');
INSERT INTO event VALUES(30,3,NULL,1796088300,'chen','visit.arrive','{"late_minutes":0}','b626a5cc0a9d80300a1b8d1ae12d7ac8d3825b63a4e6f9b69f7b98ed85dfe72f');
INSERT INTO event VALUES(31,3,NULL,1796088300,'chen','visit.start','{}','400fea6dbd194b7a5a8435a2750033a015c47a79b800c8d3c7c51c1dc1dc6fb5');
INSERT INTO event VALUES(32,3,NULL,1796088300,'chen','visit.check','{"voucher":0,"barcode":"6901234567890","covered":1,"covered_until":"2027-03-01","chargeable":0}','f76963a83948847b5f152b73939f0b8a5ae31b662295081d84fd58c45fce4324');
INSERT INTO event VALUES(33,3,NULL,1796088300,'chen','visit.takeback','{"reason":"压缩机需返厂维修","return_by":"2026-12-08"}','2b1072dad0d8cfcbaf1ea1a675d59c290fa9324980bbf9636fd992030970d557');
INSERT INTO event VALUES(34,1,NULL,1796090100,'li','visit.arrive','{"late_minutes":0}','41b8c0abd0e10fc35f0dd67673725730b86f9c8d2f473a0e0e2aa2233133851d');
INSERT INTO event VALUES(35,1,NULL,1796090100,'li','visit.start','{}','010f63d4a96cd81807d7b1777b18a624fc0e60fbc3c72a111f4fe8528a025d7f');
INSERT INTO event VALUES(36,1,NULL,1796090100,'li','visit.done','{"signed_by":"李大爷","rating":5,"comment":"服务周到"}','0430a6fb0c224d8d37d1f04fccaa69ccf38dcd688dee6966d2248063f3f8bb94');
INSERT INTO event VALUES(37,2,NULL,1796102700,'wang','visit.arrive','{"late_minutes":0}','e42de4a703060eb1f149cc639a7663c79e8355d9633c3b1b4cc3d1f5eb5fdc22');
INSERT INTO event VALUES(38,2,NULL,1796102700,'wang','visit.start','{}','3d1688108b35b54cfbe1ce3a0568c2baf7d6f665c79a425ee372c13d6f06ec2b');
INSERT INTO event VALUES(39,2,NULL,1796102700,'wang','visit.suspend','{"reason":"客户午休","resume_at":"2026-12-01T15:30:00+08:00"}','168e16bc18e4fc916e3a5ffebb015f222db67c1a2cdc8e176c6810d9920ac663');
INSERT INTO event VALUES(40,4,NULL,1796108400,'li','visit.arrive','{"late_minutes":0}','e6479a0672615fd363a8062a22f3687accfaa42fab19fd71ed641682c155b8cb');
INSERT INTO event VALUES(41,4,NULL,1796108400,'li','visit.contact','{"reached":0,"note":"电话无人接听"}','b2498b1ba45216a5b1354d401a9890d9da463bccfae017e2d75d872134c34540');
INSERT INTO event VALUES(42,2,NULL,1796110200,'wang','visit.resume','{}','dafba61d79e574e9462926ca5146863506e2b984442c127ee028b62be39b9c0d');
INSERT INTO event VALUES(43,2,NULL,1796110200,'wang','visit.done','{"signed_by":"张阿姨","rating":4}','d3dfa4ee2a4c715dcaf7b3902f3ec5b63fb2c58d252f81409d5c1c5ddf23d118');
INSERT INTO event VALUES(44,2,NULL,1796110200,'wang','pay.collect','{"receipt":"R2026-000001","amount":"168.00","method":"cash","place":"site","by":"wang"}','c0af52d26f9ecb270817910e75cf2eda2e0fffdeb37287c03473a2e1e1653f06');
INSERT INTO event VALUES(45,6,NULL,1796110320,'zhou','order.new','{"kind":"cleaning","customer":"钱女士","phone":"13900000006","address":"海淀区中关村南大街3号","channel":"phone","dept":"clean","services":["clean-kitchen:1"]}','6142f940b5fb7886dce91ea85a34cba86ab0ec9f490013648c8bc298944da31c');
INSERT INTO event VALUES(46,6,NULL,1796110320,'zhou','order.accept','{"at":"2026-12-01T16:00:00+08:00","until":"2026-12-01T18:00:00+08:00","documents":[],"late":0}','8ba8183add9cf7e9844b40ce8b6161ee385528dce9ffeac8ffcc32695dfbea9d');
INSERT INTO event VALUES(47,6,NULL,1796110320,'sun','order.assign','{"worker":"wang"}','a689c010943a161509040b59eaa7c5fe9465f451fddfde6ae841a394bc8d9ec9');
INSERT INTO event VALUES(48,4,NULL,1796110500,'zhou','order.noshow','{"swept_at":"2026-12-01T15:35:00+08:00"}','9b9aad7ec682ab76c7d39e31a1dda386a194c5052e512212828b34d70049331d');
INSERT INTO event VALUES(49,6,NULL,1796112000,'wang','visit.arrive','{"late_minutes":0}','51216e36d5da062c20053ac080f9ebe3cdd66db6353f12e0b97dd350a962b4c3');
INSERT INTO event VALUES(50,6,NULL,1796112000,'wang','visit.start','{}','b00c99cb2ffb835e333486ccc23a6d0616c77d5e3cd6388c19bf244b21b20f3b');
INSERT INTO event VALUES(51,6,NULL,1796117400,'wang','visit.done','{"signed_by":"钱女士","rating":5}','697b285e08d58e68a8e2d3a5f9e7e256fb08c83e9c636c4569434b21382d2c98');
INSERT INTO event VALUES(52,NULL,'staff:wang',1796118000,'qian','pay.handover','{"handover":1,"collections":1,"expected":"168.00","counted":"168.00","difference":"0.00"}','6a40ffe7dd5f78e56e904c6e5a8acd7af6c276171c38b09aee916f8afbdaaa38');
INSERT INTO event VALUES(53,3,'complaint:1',1796118000,'wu','complaint.new','{"text":"冰箱要返厂一周，希望提供临时冰箱"}','3e242c0521dfdb727ef835da96ab08c8e9a74b674eb1a31d36d2fa8ac153ff78');
INSERT INTO event VALUES(54,7,NULL,1796169600,'zhou','order.new','{"kind":"cleaning","customer":"周一","phone":"13900000011","address":"海淀区一号","channel":"phone","dept":"clean","services":["clean-daily:1"]}','5b6dd7731768f3572fbc7ac426694abcb85f412bef677fe0fa47c0fc97cedafd');
INSERT INTO event VALUES(55,8,NULL,1796169600,'zhou','order.new','{"kind":"cleaning","customer":"周二","phone":"13900000012","address":"海淀区二号","channel":"phone","dept":"clean","services":["clean-daily:1"]}','71cf8c4cf85aefbecba537aa226d83f3e0428b23b3053bd5d855350547448e89');
INSERT INTO event VALUES(56,9,NULL,1796169600,'zhou','order.new','{"kind":"cleaning","customer":"周三","phone":"13900000013","address":"海淀区三号","channel":"phone","dept":"clean","services":["clean-daily:1"]}','2334a3d60f9338bb3d483d559ba49f189d19c69453e48d1185b6f829f254230f');
INSERT INTO event VALUES(57,10,NULL,1796169600,'zhou','order.new','{"kind":"cleaning","customer":"周四","phone":"13900000014","address":"海淀区四号","channel":"phone","dept":"clean","services":["clean-daily:1"]}','994a7e827e827ebc1fff10c83fb5b4584fc79748ce4e78c37649c21a43f3764c');
INSERT INTO event VALUES(58,11,NULL,1796169600,'zhou','order.new','{"kind":"cleaning","customer":"周五","phone":"13900000015","address":"海淀区五号","channel":"phone","dept":"clean","services":["clean-daily:1"]}','03f64ed1c66ac0f5aa6e59318070b22ea5361ccbaf0d821b61aeb93c1401d1d0');
INSERT INTO event VALUES(59,12,NULL,1796169600,'zhou','order.new','{"kind":"repair","customer":"周六","phone":"13900000016","address":"海淀区六号","channel":"window","dept":"aftersales","product":"6901234567890","fault":"不制冷","services":["repair-visit:1"]}','af82659f96d3c191c438afb67009e7b96f9516342fa06cb71947614c55c8ff68');
INSERT INTO event VALUES(60,13,NULL,1796169600,'zhou','order.new','{"kind":"cleaning","customer":"周日","phone":"13900000017","address":"海淀区七号","channel":"phone","dept":"clean","services":["clean-daily:1"]}','be38659cc5ab25c22d11ee67f1dd84d4447019201ef080b4141298d528238ae1');
INSERT INTO event VALUES(61,8,NULL,1796170200,'zhou','order.refuse','{"reason":"不在服务范围","late":0}','7c0116988c3b069e52fda0bee5b2bbec196e01c8bba56ac21619bf0ec365fa03');
INSERT INTO event VALUES(62,9,NULL,1796170200,'zhou','order.accept','{"at":"2026-12-02T10:00:00+08:00","until":"2026-12-02T12:00:00+08:00","documents":[],"late":0}','7ce71ebab02483924b710ded3605f9aa6f9bf79bf314e284e9d3f900fa582fa2');
INSERT INTO event VALUES(63,10,NULL,1796170200,'zhou','order.accept','{"at":"2026-12-02T11:00:00+08:00","until":"2026-12-02T13:00:00+08:00","documents":[],"late":0}','62054fc5f135627525e1e2bc79430b2e53dd98f257574044d714ae542f7216cc');
INSERT INTO event VALUES(64,11,NULL,1796170200,'zhou','order.accept','{"at":"2026-12-02T13:00:00+08:00","until":"2026-12-02T15:00:00+08:00","documents":[],"late":0}','96379ef4c655cb708c3a97bf6c52a70da8f482a83cabbdeb59a9b4a6752521c8');
INSERT INTO event VALUES(65,11,NULL,1796170200,'zhou','order.assign','{"worker":"wang"}','eb8fce3feba0293bbb36b9c7fabdd6abccd5a32b1e7d396d624edfc65b9ab14f');
INSERT INTO event VALUES(66,12,NULL,1796170200,'zhou','order.accept','{"at":"2026-12-02T09:00:00+08:00","until":"2026-12-02T10:00:00+08:00","documents":["售后服务凭证（保修卡）","购机发票"],"late":0}','402f52d8f8d59e82224804c4b07adddfbd19d21a103e24fca98861d45026c77f');
INSERT INTO event VALUES(67,12,NULL,1796170200,'zhou','order.assign','{"worker":"chen"}','b07bd9adf14c03eeadb589d6cdc010b21370a589cac0ed221c3a1410a6c9a6bb');
INSERT INTO event VALUES(68,13,NULL,1796170200,'zhou','order.accept','{"at":"2026-12-03T09:00:00+08:00","until":"2026-12-03T11:00:00+08:00","documents":[],"late":0}','815a6a1ac8d783afb751f916e27a95aae4886cb235a18df988e6241130af61cd');
INSERT INTO event VALUES(69,3,NULL,1796171400,'zhou','order.move','{"from":"2026-12-01T09:30:00+08:00","to":"2026-12-02T14:00:00+08:00","by":"provider","notice":-82800,"short":1,"reason":"修好了"}','55223efb5a3ab631255fa594cd9e29b6c6f120ba14472e78c526df39ddd64f3b');
INSERT INTO event VALUES(70,12,NULL,1796173500,'chen','visit.arrive','{"late_minutes":5}','3b0a00b995b7b7e926b8ffdd5ec7feddf15355857d95aba367bf8d0a549fa33e');
INSERT INTO event VALUES(71,12,NULL,1796173500,'chen','visit.start','{}','eb2aab5c4cfd3f0451e3187e7323826bed489ae2b5d196edad5a340bee207c5f');
INSERT INTO event VALUES(72,12,NULL,1796173500,'chen','visit.check','{"voucher":1,"covered":1,"chargeable":0}','191e8527edb3f745dbc0f080c447c2149aa6a32935045d8340be350bca7cce7b');
INSERT INTO event VALUES(73,12,NULL,1796175600,'chen','visit.suspend','{"reason":"客户吃饭","resume_at":"2026-12-02T11:40:00+08:00"}','f5e8cfe6fed732ee53c6a850100024fbd7c473af42df56917236319a8bd2e6db');
INSERT INTO event VALUES(74,12,NULL,1796183100,'chen','visit.resume','{}','36382bc55ea49ae5c01296128faf3c86b2d6d5d3d20964c1b45f1a30227a17c8');
INSERT INTO event VALUES(75,11,NULL,1796187600,'wang','visit.arrive','{"late_minutes":0}','2ccc3307dbe8d670046fc07c1fbec702f65c59f842c426bd9d7806dfc7229783');
INSERT INTO event VALUES(76,11,NULL,1796187600,'wang','visit.start','{}','b02d819d40df10285642e998a53ddeaf38efae62a5c002f4cb1ede6dda6fee34');
INSERT INTO event VALUES(77,11,NULL,1796189400,'wang','visit.suspend','{"reason":"午休","resume_at":"2026-12-02T15:00:00+08:00"}','85f1c583a290aa6f6d3b8837bf5291a71920638ff57e6f57dbf240475dce97f5');
INSERT INTO event VALUES(78,3,NULL,1796192400,'chen','visit.arrive','{"late_minutes":20}','56de1100673c62ec6a07ab025bce3f16496744be76b842436e2eccafe5bc20fa');
INSERT INTO event VALUES(79,3,NULL,1796192400,'chen','visit.start','{}','49265797be6cbef09ba712a81c476ef8ad1d87d6276e869e8ce9a7f112c0f590');
INSERT INTO event VALUES(80,9,NULL,1796173200,'zhou','order.assign','{"worker":"sun"}','628565c645c3d76e560bac62341cc600a4f28deaa3a1ffba519a96ed129a28d4');
INSERT INTO event VALUES(81,9,NULL,1796173200,'sun','visit.late','{"eta":"2026-12-02T10:30:00+08:00","in_advance":1,"reason":"堵车"}','0bc0626cb10371c45c27df32cac3064d9805707f883f53403f3abecb18bc18d3');
INSERT INTO event VALUES(82,9,NULL,1796173200,'zhou','order.cancel','{"reason":"不需要了"}','6df31c6548461684ac7817cc721cb9401528a8d70d0b4f9558a8b889e403ab2d');
INSERT INTO event VALUES(83,10,NULL,1796173200,'zhou','order.assign','{"worker":"sun"}','74249e233bc0a1ca676f335d142e8af05b3af43a45e307a229af8b809e8c0a92');
INSERT INTO event VALUES(84,10,NULL,1796180580,'sun','visit.arrive','{"late_minutes":3}','77cf62fea4fd45a2f3fb5429ffae02404f106439dc9da0f42210e3e6c2ce5552');
CREATE TABLE customer (
  id INTEGER PRIMARY KEY,
  phone TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO customer VALUES(1,'13900000001','李大爷',1796083800);
INSERT INTO customer VALUES(2,'13900000002','张阿姨',1796083800);
INSERT INTO customer VALUES(3,'13900000003','赵先生',1796083800);
INSERT INTO customer VALUES(4,'13900000004','孙奶奶',1796083800);
INSERT INTO customer VALUES(5,'13900000005','吴先生',1795766400);
INSERT INTO customer VALUES(6,'13900000006','钱女士',1796110320);
INSERT INTO customer VALUES(7,'13900000011','周一',1796169600);
INSERT INTO customer VALUES(8,'13900000012','周二',1796169600);
INSERT INTO customer VALUES(9,'13900000013','周三',1796169600);
INSERT INTO customer VALUES(10,'13900000014','周四',1796169600);
INSERT INTO customer VALUES(11,'13900000015','周五',1796169600);
INSERT INTO customer VALUES(12,'13900000016','周六',1796169600);
INSERT INTO customer VALUES(13,'13900000017','周日',1796169600);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind = 'cleaning' OR kind = 'repair' OR kind = 'gov'),
  status TEXT NOT NULL DEFAULT 'new',
  customer_id INTEGER NOT NULL REFERENCES customer(id),
  address TEXT NOT NULL,
  channel TEXT NOT NULL
    CHECK (channel = 'window' OR channel = 'phone'
      OR channel = 'office' OR channel = 'online'),
  grp TEXT CHECK (grp = 'elderly' OR grp = 'frail' OR grp = 'sick'
      OR grp = 'disabled' OR grp = 'key-project'),
  dept_id INTEGER REFERENCES dept(id),
  product TEXT,
  fault TEXT,
  note TEXT,
  want_at INTEGER,
  created_at INTEGER NOT NULL,
  reply_due INTEGER NOT NULL,
  replied_at INTEGER,
  reply_late INTEGER CHECK (reply_late IN (0, 1)),
  appt_at INTEGER,
  appt_until INTEGER,
  documents TEXT CHECK (documents IS NULL OR json_valid(documents)),
  reason TEXT,
  forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1))
, worker_id INTEGER REFERENCES staff(id), helper_id INTEGER REFERENCES staff(id), balance INTEGER, customer_name TEXT);
INSERT INTO orders VALUES(1,'gov','done',1,'朝阳区建国路88号3单元501','phone','elderly',1,NULL,NULL,NULL,NULL,1796083800,1796117400,1796085600,0,1796090400,1796093100,'["身份证原件","户口簿","近期免冠照片"]',NULL,0,2,NULL,0,'李大爷');
INSERT INTO orders VALUES(2,'cleaning','done',2,'海淀区学院路5号','office',NULL,3,NULL,NULL,NULL,NULL,1796083800,1796117400,1796085600,0,1796110200,1796121000,'[]',NULL,0,4,NULL,0,'张阿姨');
INSERT INTO orders VALUES(3,'repair','started',3,'西城区阜成门外大街2号','window',NULL,4,'6901234567890','冰箱不制冷',NULL,NULL,1796083800,1796117400,1796085600,0,1796191200,1796194800,'["售后服务凭证（保修卡）","购机发票"]',NULL,0,6,NULL,NULL,'赵先生');
INSERT INTO orders VALUES(4,'gov','abandoned',4,'东城区北新桥1号','window','elderly',1,NULL,NULL,NULL,NULL,1796083800,1796117400,1796085600,0,1796108400,1796110200,'["身份证原件","近期一寸免冠照片"]',NULL,0,2,NULL,NULL,'孙奶奶');
INSERT INTO orders VALUES(5,'gov','assigned',5,'丰台区','phone','disabled',2,NULL,NULL,NULL,NULL,1795766400,1796025600,1796085600,1,1796113800,1796116500,'["身份证原件","户口簿","社会保障卡或银行卡"]',NULL,0,3,NULL,NULL,'吴先生');
INSERT INTO orders VALUES(6,'cleaning','done',6,'海淀区中关村南大街3号','phone',NULL,3,NULL,NULL,NULL,NULL,1796110320,1796196720,1796110320,0,1796112000,1796119200,'[]',NULL,0,5,NULL,15000,'钱女士');
INSERT INTO orders VALUES(7,'cleaning','new',7,'海淀区一号','phone',NULL,3,NULL,NULL,NULL,NULL,1796169600,1796203800,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,'周一');
INSERT INTO orders VALUES(8,'cleaning','refused',8,'海淀区二号','phone',NULL,3,NULL,NULL,NULL,NULL,1796169600,1796203800,1796170200,0,NULL,NULL,NULL,'不在服务范围',0,NULL,NULL,NULL,'周二');
INSERT INTO orders VALUES(9,'cleaning','cancelled',9,'海淀区三号','phone',NULL,3,NULL,NULL,NULL,NULL,1796169600,1796203800,1796170200,0,1796176800,1796184000,'[]','不需要了',0,4,NULL,NULL,'周三');
INSERT INTO orders VALUES(10,'cleaning','arrived',10,'海淀区四号','phone',NULL,3,NULL,NULL,NULL,NULL,1796169600,1796203800,1796170200,0,1796180400,1796187600,'[]',NULL,0,4,NULL,NULL,'周四');
INSERT INTO orders VALUES(11,'cleaning','suspended',11,'海淀区五号','phone',NULL,3,NULL,NULL,NULL,NULL,1796169600,1796203800,1796170200,0,1796194800,1796202000,'[]',NULL,0,5,NULL,NULL,'周五');
INSERT INTO orders VALUES(12,'repair','started',12,'海淀区六号','window',NULL,4,'6901234567890','不制冷',NULL,NULL,1796169600,1796203800,1796170200,0,1796182800,1796186400,'["售后服务凭证（保修卡）","购机发票"]',NULL,0,6,NULL,NULL,'周六');
INSERT INTO orders VALUES(13,'cleaning','accepted',13,'海淀区七号','phone',NULL,3,NULL,NULL,NULL,NULL,1796169600,1796203800,1796170200,0,1796259600,1796266800,'[]',NULL,0,NULL,NULL,NULL,'周日');
CREATE TABLE order_service (
  order_id INTEGER NOT NULL REFERENCES orders(id),
  line INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty > 0),
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
  minutes INTEGER NOT NULL,
  documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents)),
  PRIMARY KEY (order_id, line)
) WITHOUT ROWID;
INSERT INTO order_service VALUES(1,1,'gov-pension','养老金资格认证',1,0,45,'["身份证原件","户口簿","近期免冠照片"]');
INSERT INTO order_service VALUES(2,1,'clean-daily','日常保洁',1,12000,120,'[]');
INSERT INTO order_service VALUES(2,2,'clean-glass','玻璃清洁（每扇）',6,800,10,'[]');
INSERT INTO order_service VALUES(3,1,'repair-visit','上门检测费',1,5000,60,'["售后服务凭证（保修卡）","购机发票"]');
INSERT INTO order_service VALUES(4,1,'gov-senior-card','老年人优待证办理',1,0,30,'["身份证原件","近期一寸免冠照片"]');
INSERT INTO order_service VALUES(5,1,'gov-medical','医疗保险参保登记',1,0,45,'["身份证原件","户口簿","社会保障卡或银行卡"]');
INSERT INTO order_service VALUES(6,1,'clean-kitchen','厨房清洁',1,15000,120,'[]');
INSERT INTO order_service VALUES(7,1,'clean-daily','日常保洁',1,12000,120,'[]');
INSERT INTO order_service VALUES(8,1,'clean-daily','日常保洁',1,12000,120,'[]');
INSERT INTO order_service VALUES(9,1,'clean-daily','日常保洁',1,12000,120,'[]');
INSERT INTO order_service VALUES(10,1,'clean-daily','日常保洁',1,12000,120,'[]');
INSERT INTO order_service VALUES(11,1,'clean-daily','日常保洁',1,12000,120,'[]');
INSERT INTO order_service VALUES(12,1,'repair-visit','上门检测费',1,5000,60,'["售后服务凭证（保修卡）","购机发票"]');
INSERT INTO order_service VALUES(13,1,'clean-daily','日常保洁',1,12000,120,'[]');
CREATE TABLE product (
  barcode TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  name TEXT NOT NULL,
  sold_on TEXT NOT NULL CHECK (date(sold_on) = sold_on),
  warranty_months INTEGER NOT NULL CHECK (warranty_months >= 0),
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO product VALUES('6901234567890','BCD-216','海尔冰箱, 双门','2026-03-02',12,1796081400);
CREATE TABLE visit (
  order_id INTEGER PRIMARY KEY REFERENCES orders(id),
  eta INTEGER,
  late_reason TEXT,
  announced_at INTEGER,
  arrived_at INTEGER,
  late_minutes INTEGER,
  started_at INTEGER,
  voucher INTEGER,
  barcode TEXT,
  covered INTEGER,
  covered_until TEXT,
  parts_missing TEXT,
  damage TEXT,
  not_ours TEXT,
  checks_signed_by TEXT,
  chargeable INTEGER NOT NULL DEFAULT 0,
  return_by TEXT,
  done_at INTEGER,
  signed_by TEXT,
  rating INTEGER CHECK (rating BETWEEN 1 AND 5),
  comment TEXT,
  signature BLOB
);
INSERT INTO visit VALUES(1,NULL,NULL,NULL,1796090100,0,1796090100,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,1796090100,'李大爷',5,'服务周到',NULL);
INSERT INTO visit VALUES(2,NULL,NULL,NULL,1796102700,0,1796102700,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,1796110200,'张阿姨',4,NULL,NULL);
INSERT INTO visit VALUES(3,NULL,NULL,NULL,1796192400,20,1796088300,0,'6901234567890',1,'2027-03-01',NULL,NULL,NULL,NULL,0,'2026-12-08',NULL,NULL,NULL,NULL,NULL);
INSERT INTO visit VALUES(4,NULL,NULL,NULL,1796108400,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO visit VALUES(6,NULL,NULL,NULL,1796112000,0,1796112000,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,1796117400,'钱女士',5,NULL,NULL);
INSERT INTO visit VALUES(9,1796178600,'堵车',1796173200,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO visit VALUES(10,NULL,NULL,NULL,1796180580,3,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO visit VALUES(11,NULL,NULL,NULL,1796187600,0,1796187600,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL);
INSERT INTO visit VALUES(12,NULL,NULL,NULL,1796173500,5,1796173500,1,NULL,1,NULL,NULL,NULL,NULL,NULL,0,NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  at INTEGER NOT NULL,
  reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
  note TEXT,
  actor TEXT NOT NULL
);
INSERT INTO contact VALUES(1,4,1796108400,0,'电话无人接听','li');
CREATE TABLE attachment (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  kind TEXT NOT NULL
    CHECK (kind IN ('photo-before', 'photo-after', 'other')),
  name TEXT NOT NULL,
  data BLOB NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL
);
CREATE TABLE charge (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  code TEXT,
  what TEXT NOT NULL,
  qty INTEGER NOT NULL CHECK (qty > 0),
  unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
  at INTEGER NOT NULL,
  actor TEXT NOT NULL
);
CREATE TABLE handover (
  id INTEGER PRIMARY KEY,
  worker TEXT NOT NULL,
  at INTEGER NOT NULL,
  expected INTEGER NOT NULL,
  counted INTEGER NOT NULL,
  difference INTEGER NOT NULL,
  actor TEXT NOT NULL
, hash TEXT);
INSERT INTO handover VALUES(1,'wang',1796118000,16800,16800,0,'qian','91a36496e0b520ec50c43b9d2c986ef4043078b108638d425da642779f4c0c89');
CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  kind TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  method TEXT NOT NULL CHECK (method IN
    ('cash', 'card', 'transfer', 'wechat', 'alipay')),
  place TEXT NOT NULL CHECK (place IN ('site', 'finance')),
  collector TEXT NOT NULL,
  at INTEGER NOT NULL,
  receipt_no TEXT NOT NULL UNIQUE,
  reason TEXT,
  void INTEGER NOT NULL DEFAULT 0 CHECK (void IN (0, 1)),
  void_reason TEXT,
  voided_at INTEGER,
  handover_id INTEGER REFERENCES handover(id)
, hash TEXT);
INSERT INTO payment VALUES(1,2,'payment',16800,'cash','site','wang',1796110200,'R2026-000001',NULL,0,NULL,NULL,1,'8e8be8c4a5e9397643463c9960b3174b766208c28d7d0db3895740a5cd6f2a50');
CREATE TABLE receipt_seq (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);
INSERT INTO receipt_seq VALUES(2026,1);
CREATE TABLE complaint (
  id INTEGER PRIMARY KEY,
  order_id INTEGER REFERENCES orders(id),
  customer_id INTEGER REFERENCES customer(id),
  dept_id INTEGER REFERENCES dept(id),
  text TEXT NOT NULL,
  at INTEGER NOT NULL,
  assigned_to TEXT,
  status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'resolved')),
  resolution TEXT,
  upheld INTEGER CHECK (upheld IN (0, 1)),
  resolved_at INTEGER
);
INSERT INTO complaint VALUES(1,3,3,4,'冰箱要返厂一周，希望提供临时冰箱',1796118000,NULL,'open',NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "move" (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  at INTEGER NOT NULL,
  old_at INTEGER NOT NULL,
  new_at INTEGER,
  by TEXT NOT NULL CHECK (by = 'provider' OR by = 'applicant'),
  notified_at INTEGER NOT NULL,
  notice INTEGER NOT NULL,
  short INTEGER NOT NULL CHECK (short = 0 OR short = 1),
  reason TEXT NOT NULL,
  actor TEXT NOT NULL
);
INSERT INTO move VALUES(1,5,1796086800,1796104800,1796113800,'provider',1796086800,18000,1,'车辆故障','zhou');
INSERT INTO move VALUES(2,3,1796171400,1796088600,1796191200,'provider',1796171400,-82800,1,'修好了','zhou');
CREATE INDEX staff_dept ON staff(dept_id);
CREATE INDEX event_order ON event(order_id, at) WHERE order_id IS NOT NULL;
CREATE INDEX event_subject ON event(subject, at) WHERE subject IS NOT NULL;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff
  BEGIN SELECT RAISE(ABORT, 'staff are disabled, never deleted'); END;
CREATE TRIGGER dept_no_delete BEFORE DELETE ON dept
  BEGIN SELECT RAISE(ABORT, 'departments are never deleted'); END;
CREATE VIEW v_dept AS
  SELECT code, name, kind, phone, created_at FROM dept;
CREATE VIEW v_staff AS
  SELECT s.login, s.name, d.code AS dept,
    (SELECT group_concat(role, ',') FROM
      (SELECT role FROM staff_role r WHERE r.staff_id = s.id
       ORDER BY role)) AS roles,
    s.phone, s.badge, s.active, s.created_at
  FROM staff s LEFT JOIN dept d ON d.id = s.dept_id;
CREATE VIEW v_event AS
  SELECT id, order_id, subject, at, actor, kind, details FROM event;
CREATE INDEX orders_pending ON orders(reply_due) WHERE replied_at IS NULL;
CREATE INDEX orders_status ON orders(status, created_at);
CREATE INDEX orders_created ON orders(created_at);
CREATE INDEX orders_appt ON orders(appt_at) WHERE appt_at IS NOT NULL;
CREATE INDEX orders_customer ON orders(customer_id);
CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders
  BEGIN SELECT RAISE(ABORT, 'orders are never deleted (G4)'); END;
CREATE VIEW v_order_service AS
  SELECT order_id, line, code, name, qty, unit_price, minutes,
    documents FROM order_service;
CREATE INDEX orders_worker ON orders(worker_id, appt_at) WHERE worker_id IS NOT NULL;
CREATE INDEX orders_helper ON orders(helper_id, appt_at) WHERE helper_id IS NOT NULL;
CREATE INDEX contact_order ON contact(order_id, at);
CREATE INDEX attachment_order ON attachment(order_id);
CREATE INDEX orders_arrived ON orders(appt_at) WHERE status = 'arrived';
CREATE VIEW v_visit AS
  SELECT order_id, eta, late_reason, announced_at, arrived_at,
    late_minutes, started_at, voucher, barcode, covered, covered_until,
    parts_missing, damage, not_ours, checks_signed_by, chargeable,
    return_by, done_at, signed_by, rating, comment,
    signature IS NOT NULL AS signed_image FROM visit;
CREATE VIEW v_contact AS
  SELECT id, order_id, at, reached, note, actor FROM contact;
CREATE VIEW v_product AS
  SELECT barcode, model, name, sold_on, warranty_months FROM product;
CREATE INDEX charge_order ON charge(order_id);
CREATE INDEX payment_order ON payment(order_id);
CREATE INDEX payment_held ON payment(collector, at) WHERE method = 'cash' AND place = 'site' AND handover_id IS NULL;
CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
  BEGIN SELECT RAISE(ABORT, 'receipts are voided, never deleted'); END;
CREATE VIEW v_payment AS
  SELECT id, order_id, kind, amount, method, place, collector, at,
    receipt_no, reason, void, void_reason, voided_at, handover_id
  FROM payment;
CREATE VIEW v_charge AS
  SELECT id, order_id, code, what, qty, unit_price, at, actor
  FROM charge;
CREATE VIEW v_handover AS
  SELECT id, worker, at, expected, counted, difference, actor
  FROM handover;
CREATE INDEX complaint_open ON complaint(at) WHERE status = 'open';
CREATE INDEX complaint_dept ON complaint(dept_id, at);
CREATE VIEW v_complaint AS
  SELECT k.id, k.order_id, c.name AS customer, c.phone, d.code AS dept,
    k.text, k.at, k.assigned_to, k.status, k.resolution, k.upheld,
    k.resolved_at
  FROM complaint k LEFT JOIN customer c ON c.id = k.customer_id
  LEFT JOIN dept d ON d.id = k.dept_id;
CREATE INDEX orders_dept ON orders(dept_id, created_at);
CREATE VIEW v_balance AS
  SELECT o.id,
    CASE WHEN coalesce((SELECT covered AND NOT chargeable FROM visit
      WHERE order_id = o.id), 0) THEN 0
    ELSE (SELECT coalesce(sum(qty * unit_price), 0) FROM order_service
      WHERE order_id = o.id)
      + (SELECT coalesce(sum(qty * unit_price), 0) FROM charge
      WHERE order_id = o.id) END
    - (SELECT coalesce(sum(CASE kind WHEN 'payment' THEN amount
      ELSE -amount END), 0) FROM payment
      WHERE order_id = o.id AND NOT void) AS balance
  FROM orders o;
CREATE INDEX orders_owing ON orders(id)
  WHERE status = 'done' AND balance > 0;
CREATE TRIGGER balance_done AFTER UPDATE OF status ON orders
  WHEN NEW.status = 'done' BEGIN UPDATE orders SET balance = (SELECT balance FROM v_balance WHERE id = NEW.id) WHERE id = NEW.id AND status = 'done'; END;
CREATE TRIGGER balance_payment AFTER INSERT ON payment
  BEGIN UPDATE orders SET balance = (SELECT balance FROM v_balance WHERE id = NEW.order_id) WHERE id = NEW.order_id AND status = 'done'; END;
CREATE TRIGGER balance_void AFTER UPDATE OF void ON payment
  BEGIN UPDATE orders SET balance = (SELECT balance FROM v_balance WHERE id = NEW.order_id) WHERE id = NEW.order_id AND status = 'done'; END;
CREATE TRIGGER balance_charge AFTER INSERT ON charge
  BEGIN UPDATE orders SET balance = (SELECT balance FROM v_balance WHERE id = NEW.order_id) WHERE id = NEW.order_id AND status = 'done'; END;
CREATE TRIGGER balance_cover AFTER UPDATE OF covered, chargeable ON visit
  BEGIN UPDATE orders SET balance = (SELECT balance FROM v_balance WHERE id = NEW.order_id) WHERE id = NEW.order_id AND status = 'done'; END;
CREATE INDEX move_order ON move(order_id);
CREATE INDEX move_short ON move(at) WHERE short = 1;
CREATE VIEW v_move AS
  SELECT id, order_id, at, old_at, new_at, by, notified_at, notice,
    short, reason, actor FROM move;
CREATE VIEW v_order AS
  SELECT o.id, o.status, o.kind, d.code AS dept,
    o.customer_name AS customer,
    c.phone, o.address, o.channel, o.grp AS "group", o.product,
    o.fault, o.note, o.want_at, o.created_at, o.reply_due,
    o.replied_at, o.reply_late, o.appt_at, o.appt_until,
    o.documents, o.reason, o.forced,
    w.login AS worker, h.login AS helper
  FROM orders o JOIN customer c ON c.id = o.customer_id
  LEFT JOIN dept d ON d.id = o.dept_id
  LEFT JOIN staff w ON w.id = o.worker_id
  LEFT JOIN staff h ON h.id = o.helper_id;
CREATE TRIGGER event_no_update BEFORE UPDATE ON event
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
COMMIT;
