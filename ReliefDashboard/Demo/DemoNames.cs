using ReliefDashboard.Exports;
using ReliefDashboard.Figures;
using ReliefDashboard.Writes;
namespace ReliefDashboard.Demo;

/// <summary>Invented names for the demo district; any likeness to real places or people is chance.</summary>
internal static class DemoNames
{
    public sealed record TownSpec(string Name, bool SubDistrict, double Weight, double Lag, string? CentralSite, bool Pv);

    /// <summary>Lag 0 is a well-run town; 1 is a clearly lagging one.</summary>
    public static readonly TownSpec[] Towns =
    [
        new("青石镇", false, 1.35, 0.05, "青石新村安置社区", false),
        new("川口镇", false, 1.25, 0.10, "川口移民安置社区", false),
        new("凤城街道", true, 1.30, 0.00, "凤城易地搬迁安置小区", false),
        new("杏林镇", false, 1.00, 0.10, null, true),
        new("南梁镇", false, 0.95, 0.15, null, true),
        new("柳湾镇", false, 0.70, 0.20, null, false),
        new("桃坪镇", false, 0.65, 0.10, null, false),
        new("官庄镇", false, 0.60, 0.55, null, false),
        new("麻塬镇", false, 0.75, 1.00, null, false),
        new("松岭镇", false, 0.60, 0.90, null, false),
        new("宝山街道", true, 0.45, 0.05, null, false),
        new("新桥街道", true, 0.40, 0.15, null, false),
    ];

    public static readonly string[] Surnames =
        ["王", "李", "张", "刘", "杨", "高", "郝", "薛", "白", "贺", "冯", "马", "郭", "曹", "霍", "呼", "惠", "雷", "折", "强", "艾", "刘", "张", "李", "王", "高", "杨"];

    public static readonly string[] MaleGiven =
        ["建军", "志强", "小军", "国庆", "海龙", "永胜", "文斌", "振华", "世平", "宝山", "延生", "志刚", "明亮", "存良", "治国", "红旗", "俊杰", "浩", "鹏", "磊", "伟", "勇", "军", "涛", "宇航", "子豪", "晨阳", "博文"];

    public static readonly string[] FemaleGiven =
        ["秀英", "桂兰", "玉梅", "爱琴", "彩霞", "红梅", "丽娟", "春燕", "海燕", "凤琴", "金花", "小红", "艳", "芳", "敏", "静", "丹", "婷", "雪", "佳怡", "欣怡", "梓涵", "雨萱", "思琪"];

    public static readonly string[] VillagePrefix =
        ["李家", "王家", "张家", "石", "柳", "枣", "杜", "寺", "马", "贺", "高家", "庙", "碾", "杏", "桑", "井"];

    public static readonly string[] VillageSuffix = ["沟", "洼", "塬", "坪", "畔", "岔", "湾", "峁", "河", "梁"];

    public static readonly string[] Parks = ["东川工业园区", "新动能产业园区", "黄土文化旅游产业园区"];

    public static readonly string[] ParkEmployers =
        ["延川果业包装有限公司", "新动能电子科技有限公司", "东川建材有限公司", "黄土风情文化旅游有限公司", "宏远服饰有限公司", "秦北食品有限公司", "恒通物流有限公司"];

    public static readonly string[] ProvinceEmployers =
        ["西安高新电子有限公司", "宝鸡重工机械有限公司", "咸阳纺织集团", "榆林能源化工有限公司", "西安曲江餐饮管理有限公司"];

    public static readonly string[] OutsideEmployers =
        ["苏州精密电子有限公司", "深圳华讯通信有限公司", "宁波港务物流有限公司", "北京家政服务有限公司", "天津建工集团"];

    public static readonly (string Type, string Unit, int Min, int Max)[] AgriTypes =
        [("山地苹果", "亩", 3, 15), ("设施蔬菜", "亩", 1, 4), ("香菇", "万袋", 1, 3), ("特色养殖（湖羊）", "只", 10, 60), ("特色养殖（土鸡）", "只", 100, 500), ("乡村旅游（农家乐）", "间", 2, 6)];

    public static readonly string[] Businesses = ["社区便民超市", "面馆", "理发店", "快递代收点", "农资店", "缝纫铺", "小吃店"];

    public static readonly (string Course, int Hours, string Certificate)[] Courses =
        [("电工", 120, "低压电工作业证"), ("家政服务", 80, "家政服务员职业技能等级证书"), ("中式烹调", 100, "中式烹调师证书"),
         ("果树修剪", 60, "农业技能培训结业证"), ("电子商务", 90, "电子商务师证书"), ("焊工", 120, "焊工作业证")];

    public static readonly string[] TrainingProviders = ["区职业技术教育中心", "区人社局就业培训中心", "延川果业技术服务站", "新动能产业园实训基地"];

    public static readonly (string Type, decimal Pay, string Employer)[] Posts =
        [("保洁员", 1200m, "镇人民政府"), ("生态护林员", 200m, "区林业局"), ("治安协管员", 1500m, "镇派出所"), ("安置社区物业服务", 1800m, "安置社区物业公司"), ("道路养护员", 1300m, "区交通运输局")];
}
