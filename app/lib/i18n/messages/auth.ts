// Sign-in, sign-up, password reset.
// Each message in Japanese (the source of truth) and, beside it, English.
import type { Messages } from "./message";

export const prefixes = ["auth"] as const;

export const messages = {
  "auth.login.title": { ja: "ログイン", en: "Sign in" },
  "auth.login.submit": { ja: "ログイン", en: "Sign in" },
  "auth.login.failed": { ja: "メールアドレスまたはパスワードが正しくありません。", en: "The email address or password is incorrect." },
  "auth.login.forgot": { ja: "パスワードをお忘れの方", en: "Forgot your password?" },
  "auth.logout.done": { ja: "ログアウトしました。", en: "You have signed out." },
  "auth.email": { ja: "メールアドレス", en: "Email address" },
  "auth.password": { ja: "パスワード", en: "Password" },
  "auth.password.hint": { ja: "10文字以上で入力してください。", en: "At least 10 characters." },
  "auth.passwordConfirm": { ja: "パスワード（確認）", en: "Password (again)" },
  "auth.name": { ja: "氏名", en: "Name" },
  "auth.forgot.title": { ja: "パスワードの再設定", en: "Reset your password" },
  "auth.forgot.lead": {
    ja: "登録したメールアドレスに再設定用のリンクを送ります。",
    en: "We will send a reset link to your registered email address.",
  },
  "auth.forgot.submit": { ja: "再設定メールを送る", en: "Send reset email" },
  "auth.forgot.sent": {
    ja: "入力されたメールアドレスが登録されていれば、再設定用のリンクを送りました。",
    en: "If the address is registered, a reset link has been sent.",
  },
  "auth.reset.title": { ja: "新しいパスワードの設定", en: "Set a new password" },
  "auth.reset.submit": { ja: "パスワードを変更する", en: "Change password" },
  "auth.reset.done": {
    ja: "パスワードを変更しました。新しいパスワードでログインしてください。",
    en: "Your password has been changed. Sign in with the new password.",
  },
  "auth.reset.invalidToken": {
    ja: "再設定用のリンクが無効か、期限切れです。もう一度やり直してください。",
    en: "The reset link is invalid or has expired. Please start again.",
  },
  "auth.signup.title": { ja: "提案者の新規登録", en: "Register as a proposer" },
  "auth.signup.lead": {
    ja: "企業・大学などの組織と、最初の担当者を登録します。",
    en: "Register your company or university and its first contact person.",
  },
  "auth.signup.submit": { ja: "登録する", en: "Register" },
  "auth.signup.organization": { ja: "組織の情報", en: "Organisation" },
  "auth.signup.person": { ja: "担当者の情報", en: "Contact person" },
  "auth.signup.emailTaken": {
    ja: "このメールアドレスは既に登録されています。ログインしてください。",
    en: "This email address is already registered. Please sign in.",
  },
  "auth.required": { ja: "この操作にはログインが必要です。", en: "Please sign in to continue." },
} satisfies Messages;
