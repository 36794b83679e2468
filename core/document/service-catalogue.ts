// 电信业务分类目录: the value-added services a B1/B2 licence can name, with their catalogue codes.
export const SERVICE_CATALOGUE: readonly { code: string; name: string }[] = [
  { code: 'B11', name: '互联网数据中心业务' },
  { code: 'B12', name: '内容分发网络业务' },
  { code: 'B13', name: '国内互联网虚拟专用网业务' },
  { code: 'B14', name: '互联网接入服务业务' },
  { code: 'B21', name: '在线数据处理与交易处理业务' },
  { code: 'B22', name: '国内多方通信服务业务' },
  { code: 'B23', name: '存储转发类业务' },
  { code: 'B24', name: '呼叫中心业务' },
  { code: 'B25', name: '信息服务业务' },
  { code: 'B26', name: '编码和规程转换业务' },
];
