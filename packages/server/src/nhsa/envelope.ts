// 国家医保接口的应答报文: how the national interface (/nhsa) answers a refusal — the one place the
// gateway's signature refusals (access/nhsa-signature.ts) and the future /nhsa adapter build it.
//
// Hospital-side clients of the national platform read the answer's body, not the HTTP status:
// `infcode` 0 is success, anything else a failure whose text is `err_msg`; many treat a non-200
// status as a broken connection and retry. So a refusal here is HTTP 200 with infcode -1 and the
// reason in err_msg, our code first in brackets so a developer can tell the reasons apart
// (docs/decisions.md, "/nhsa refusals").

/** The interface's response fields (交易应答): infcode, err_msg, output and the message times. */
export interface NhsaAnswer {
  infcode: number;
  inf_refmsgid: string;
  refmsg_time: string;
  respond_time: string;
  err_msg: string;
  warn_msg: string | null;
  cainfo: string | null;
  signtype: string | null;
  output: unknown;
}

export function isNhsaUrl(url: string): boolean {
  return url === '/nhsa' || url.startsWith('/nhsa/') || url.startsWith('/nhsa?');
}

/** yyyyMMddHHmmssSSS in China Standard Time, as the interface writes its times. */
export function nhsaTime(at: Date = new Date()): string {
  const cst = new Date(at.getTime() + 8 * 3600_000).toISOString(); // 2026-03-01T08:00:00.000Z
  return cst.slice(0, 23).replace(/[-:T.]/g, '');
}

/** 交易失败: infcode -1, `[code] message` in err_msg, no output. */
export function nhsaFailure(code: string, message: string, at: Date = new Date()): NhsaAnswer {
  const time = nhsaTime(at);
  return {
    infcode: -1,
    inf_refmsgid: '',
    refmsg_time: time,
    respond_time: time,
    err_msg: `[${code}] ${message}`,
    warn_msg: null,
    cainfo: null,
    signtype: null,
    output: null,
  };
}

/** The HTTP status of every /nhsa answer, refusals included. */
export const NHSA_STATUS = 200;
