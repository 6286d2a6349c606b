from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.application import Application
from ...models.cancel_in import CancelIn
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    application_id: str,
    *,
    body: CancelIn | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/financing/applications/{application_id}/cancel".format(application_id=quote(str(application_id), safe=""),),
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Application | Error:
    if response.status_code == 200:
        response_200 = Application.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Application | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CancelIn | Unset = UNSET,

) -> Response[Application | Error]:
    """ Cancel an application the institution has not decided; its sale is void

     Operators and the sale's merchant; once the institution approved, only
    it may cancel.

    Args:
        application_id (str):
        body (CancelIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Application | Error]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CancelIn | Unset = UNSET,

) -> Application | Error | None:
    """ Cancel an application the institution has not decided; its sale is void

     Operators and the sale's merchant; once the institution approved, only
    it may cancel.

    Args:
        application_id (str):
        body (CancelIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Application | Error
     """


    return sync_detailed(
        application_id=application_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CancelIn | Unset = UNSET,

) -> Response[Application | Error]:
    """ Cancel an application the institution has not decided; its sale is void

     Operators and the sale's merchant; once the institution approved, only
    it may cancel.

    Args:
        application_id (str):
        body (CancelIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Application | Error]
     """


    kwargs = _get_kwargs(
        application_id=application_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: CancelIn | Unset = UNSET,

) -> Application | Error | None:
    """ Cancel an application the institution has not decided; its sale is void

     Operators and the sale's merchant; once the institution approved, only
    it may cancel.

    Args:
        application_id (str):
        body (CancelIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Application | Error
     """


    return (await asyncio_detailed(
        application_id=application_id,
client=client,
body=body,

    )).parsed
