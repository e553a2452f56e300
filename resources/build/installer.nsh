; Express Report: the Windows service in the NSIS installer (issue 15, docs/windows.md). electron-builder includes this
; file (electron-builder.yml nsis.include) before its own templates. The wrapper is WinSW from the npm package
; node-windows, copied to resources\service\ExpressReport.exe with its XML (electron/windows-service.ts writes it).
; The values below must agree with electron/windows-service.ts and shared/node/service-presence.ts:
; test/unit/electron/installer-nsh.test.ts checks them. Saved as UTF-8 with a BOM, so NSIS reads the Japanese text as UTF-8.

!define ER_SERVICE_ID "ExpressReport"
!define ER_WRAPPER_DIR "resources\service"
!define ER_WRAPPER_EXE "ExpressReport.exe"
!define ER_DATA_NAME "ExpressReport"
!define ER_CLI "resources\app.asar\bin\express-report.mjs"

; What customCheckAppRunning leaves out of the template when it is defined (allowOnlyOneInstallerInstance.nsh).
!include "getProcessInfo.nsh"
Var pid

; Stops the service when it is registered and waits (up to 30 s) until it has stopped, so that no process of the app
; holds a file under $INSTDIR. Usable in the installer and the uninstaller (no Function, no label).
!macro ExpressReportStopService
  Push $0
  Push $1
  nsExec::Exec '"$SYSDIR\sc.exe" query ${ER_SERVICE_ID}'
  Pop $0
  ${If} $0 == 0
    DetailPrint "Stopping the service ${ER_SERVICE_ID}"
    nsExec::ExecToLog '"$SYSDIR\sc.exe" stop ${ER_SERVICE_ID}'
    Pop $0
    StrCpy $1 0
    ${Do}
      nsExec::Exec '"$SYSDIR\cmd.exe" /C ""$SYSDIR\sc.exe" query ${ER_SERVICE_ID} | "$SYSDIR\findstr.exe" /C:"STOPPED""'
      Pop $0
      ${If} $0 == 0
        ${ExitDo}
      ${EndIf}
      IntOp $1 $1 + 1
      ${If} $1 >= 60
        ${ExitDo}
      ${EndIf}
      Sleep 500
    ${Loop}
  ${EndIf}
  Pop $1
  Pop $0
!macroend

; The template's check for a running app finds every process under $INSTDIR, the service's too, and would kill it
; (the service manager would then restart it): stop the service first, then check as the template does.
!macro customCheckAppRunning
  !insertmacro ExpressReportStopService
  !insertmacro IS_POWERSHELL_AVAILABLE
  !insertmacro _CHECK_APP_RUNNING
!macroend

; After the files are in place: the config folder's missing files (never overwriting: an upgrade keeps everything in
; %ProgramData%\ExpressReport), the wrapper registered (or kept, its new XML read at the next start), delayed automatic
; start, restart on failure, then started.
!macro customInstall
  ReadEnvStr $R8 "ProgramData"
  StrCpy $R8 "$R8\${ER_DATA_NAME}"
  CreateDirectory "$R8"
  CreateDirectory "$R8\state"
  ; The state folder holds the service's private key: SYSTEM and Administrators only.
  nsExec::ExecToLog '"$SYSDIR\icacls.exe" "$R8\state" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F'
  Pop $0
  ; init --only-missing with the app's own runtime (Electron as Node): first install writes the defaults and the key
  ; pair; an upgrade finds nothing missing and changes nothing.
  System::Call 'Kernel32::SetEnvironmentVariable(t "ELECTRON_RUN_AS_NODE", t "1")'
  nsExec::ExecToLog '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "$INSTDIR\${ER_CLI}" --config-dir "$R8\config" --state-dir "$R8\state" init --only-missing'
  Pop $0
  System::Call 'Kernel32::SetEnvironmentVariable(t "ELECTRON_RUN_AS_NODE", p 0)'
  ${If} $0 != 0
    DetailPrint "express-report init --only-missing ended with $0"
  ${EndIf}

  !insertmacro ExpressReportStopService
  nsExec::Exec '"$SYSDIR\sc.exe" query ${ER_SERVICE_ID}'
  Pop $0
  ${If} $0 != 0
    DetailPrint "Registering the service ${ER_SERVICE_ID}"
    nsExec::ExecToLog '"$INSTDIR\${ER_WRAPPER_DIR}\${ER_WRAPPER_EXE}" install'
    Pop $0
  ${EndIf}
  nsExec::ExecToLog '"$SYSDIR\sc.exe" config ${ER_SERVICE_ID} start= delayed-auto'
  Pop $0
  ; Restart on failure, growing delays (ms), the count reset after a day: as the XML says, for any wrapper version.
  nsExec::ExecToLog '"$SYSDIR\sc.exe" failure ${ER_SERVICE_ID} reset= 86400 actions= restart/10000/restart/60000/restart/300000'
  Pop $0
  nsExec::ExecToLog '"$SYSDIR\sc.exe" start ${ER_SERVICE_ID}'
  Pop $0
!macroend

; Before the files are removed: the service stopped; unregistered only when this is not an upgrade (the new version's
; installer keeps the registration). Data: kept on upgrade and on a silent uninstall; otherwise asked, default No.
!macro customUnInstall
  !insertmacro ExpressReportStopService
  ${IfNot} ${isUpdated}
    nsExec::Exec '"$SYSDIR\sc.exe" query ${ER_SERVICE_ID}'
    Pop $0
    ${If} $0 == 0
      nsExec::ExecToLog '"$INSTDIR\${ER_WRAPPER_DIR}\${ER_WRAPPER_EXE}" uninstall'
      Pop $0
      ; The wrapper may be gone or refuse: the service manager itself then.
      nsExec::ExecToLog '"$SYSDIR\sc.exe" delete ${ER_SERVICE_ID}'
      Pop $0
    ${EndIf}
    ReadEnvStr $R8 "ProgramData"
    StrCpy $R8 "$R8\${ER_DATA_NAME}"
    ${If} ${FileExists} "$R8\*.*"
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Express Report の設定と状態 ($R8) も削除しますか?$\r$\n送信待ちの通報と開局の情報も失われます。$\r$\n$\r$\nDelete the settings and state of Express Report ($R8) too? Reports still waiting and the activation are lost." /SD IDNO IDYES ExpressReportDeleteData IDNO ExpressReportKeepData
      ExpressReportDeleteData:
        RMDir /r "$R8"
        Goto ExpressReportDataDone
      ExpressReportKeepData:
        DetailPrint "Kept $R8"
      ExpressReportDataDone:
    ${EndIf}
  ${EndIf}
!macroend
